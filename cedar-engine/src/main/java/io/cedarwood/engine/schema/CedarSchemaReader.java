package io.cedarwood.engine.schema;

import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.parser.ParseError;
import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.schema.antlr.CedarSchemaLexer;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the human schema format ({@code .cedarschema}) into a {@link SchemaFragment}: lexes, checks
 * nesting depth, parses (SLL first, full LL on failure) and builds the model, collecting every error.
 */
final class CedarSchemaReader {
    /** Brackets deeper than this are refused before parsing; leaves room for namespace, appliesTo and context. */
    static final int MAX_BRACKET_DEPTH = SchemaLimits.MAX_TYPE_DEPTH + 8;

    private CedarSchemaReader() {
    }

    /** A fragment read from text, with the source span of each schema path that has one. */
    record Parsed(SchemaFragment fragment, Map<SchemaPath, SourceSpan> spans) {
    }

    static Parsed read(String text) {
        SourceOffsets offsets = new SourceOffsets(text);
        List<ParseError> errors = new ArrayList<>();
        try {
            CedarSchemaLexer lexer = new CedarSchemaLexer(CharStreams.fromString(text));
            lexer.removeErrorListeners();
            CommonTokenStream tokens = new CommonTokenStream(lexer);
            tokens.fill();
            checkDepth(tokens.getTokens(), offsets, errors);
            if (!errors.isEmpty()) {
                throw new ParseException(text, errors);
            }
            CedarSchemaParser.SchemaContext tree = parse(tokens, offsets, errors);
            if (!errors.isEmpty()) {
                throw new ParseException(text, errors);
            }
            CedarSchemaBuilder builder = new CedarSchemaBuilder(offsets, errors);
            SchemaFragment fragment = builder.build(tree);
            if (!errors.isEmpty()) {
                // declarations of several names report the same error once per name
                throw new ParseException(text, List.copyOf(new LinkedHashSet<>(errors)));
            }
            return new Parsed(fragment, builder.spans());
        } catch (StackOverflowError e) {
            // a safety net only: the depth check above keeps well within the stack
            throw new ParseException(text, List.of(new ParseError("schema is nested too deeply", null)));
        }
    }

    private static void checkDepth(List<Token> tokens, SourceOffsets offsets, List<ParseError> errors) {
        int depth = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case CedarSchemaLexer.LBRACE, CedarSchemaLexer.LBRACK, CedarSchemaLexer.LT, CedarSchemaLexer.LPAREN -> {
                    depth++;
                    if (depth > MAX_BRACKET_DEPTH) {
                        errors.add(new ParseError("schema is nested too deeply", offsets.span(t),
                                "types may nest sets and records at most " + SchemaLimits.MAX_TYPE_DEPTH + " deep"));
                        return;
                    }
                }
                case CedarSchemaLexer.RBRACE, CedarSchemaLexer.RBRACK, CedarSchemaLexer.GT, CedarSchemaLexer.RPAREN ->
                        depth = Math.max(0, depth - 1);
                default -> {
                }
            }
        }
    }

    private static CedarSchemaParser.SchemaContext parse(CommonTokenStream tokens, SourceOffsets offsets,
                                                         List<ParseError> errors) {
        CedarSchemaParser parser = new CedarSchemaParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.schema();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new Listener(offsets, errors));
            return parser.schema();
        }
    }

    /** Turns ANTLR's syntax errors into ours: what was found, and what was expected as help. */
    private static final class Listener extends BaseErrorListener {
        private final SourceOffsets offsets;
        private final List<ParseError> errors;

        Listener(SourceOffsets offsets, List<ParseError> errors) {
            this.offsets = offsets;
            this.errors = errors;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col,
                                String msg, RecognitionException e) {
            Token token = (Token) offendingSymbol;
            String message = switch (token.getType()) {
                case Token.EOF -> "unexpected end of input";
                case CedarSchemaLexer.INVALID_CHARACTER -> "invalid character `" + token.getText() + "`";
                case CedarSchemaLexer.UNTERMINATED_STRING_LITERAL -> "unterminated string literal";
                default -> "unexpected token `" + token.getText() + "`";
            };
            IntervalSet expected = e != null ? e.getExpectedTokens() : ((Parser) recognizer).getExpectedTokens();
            SourceSpan span = token.getType() == Token.EOF ? offsets.endSpan() : offsets.span(token);
            String help = expectedHelp(expected, recognizer.getVocabulary());
            if (token.getType() == CedarSchemaLexer.SEMI
                    && ((Parser) recognizer).getContext() instanceof CedarSchemaParser.SchemaContext) {
                help = "namespace declarations are not followed by `;`; try removing this semicolon";
            }
            errors.add(new ParseError(message, span, help));
        }
    }

    /** Keyword tokens that the grammar also accepts wherever an identifier goes. */
    private static final int[] IDENTIFIER_KEYWORDS = {
            CedarSchemaLexer.NAMESPACE, CedarSchemaLexer.ENTITY, CedarSchemaLexer.IN, CedarSchemaLexer.TYPE,
            CedarSchemaLexer.SET, CedarSchemaLexer.APPLIESTO, CedarSchemaLexer.PRINCIPAL, CedarSchemaLexer.ACTION,
            CedarSchemaLexer.RESOURCE, CedarSchemaLexer.CONTEXT, CedarSchemaLexer.ATTRIBUTES, CedarSchemaLexer.TAGS,
            CedarSchemaLexer.ENUM};

    static String expectedHelp(IntervalSet expected, Vocabulary vocabulary) {
        if (expected == null || expected.isNil()) {
            return null;
        }
        boolean identifier = expected.contains(CedarSchemaLexer.IDENTIFIER);
        TreeSet<String> names = new TreeSet<>();
        for (int type : expected.toList()) {
            if (identifier && contains(IDENTIFIER_KEYWORDS, type)) {
                continue;
            }
            names.add(tokenName(type, vocabulary));
        }
        if (names.isEmpty()) {
            return null;
        }
        return names.size() == 1 ? "expected " + names.first() : "expected one of " + String.join(", ", names);
    }

    private static boolean contains(int[] types, int type) {
        for (int t : types) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }

    private static String tokenName(int type, Vocabulary vocabulary) {
        return switch (type) {
            case Token.EOF -> "end of input";
            case CedarSchemaLexer.IDENTIFIER -> "identifier";
            case CedarSchemaLexer.STRING_LITERAL -> "string literal";
            default -> {
                String literal = vocabulary.getLiteralName(type);
                yield literal != null ? "`" + literal.substring(1, literal.length() - 1) + "`"
                        : vocabulary.getDisplayName(type);
            }
        };
    }
}
