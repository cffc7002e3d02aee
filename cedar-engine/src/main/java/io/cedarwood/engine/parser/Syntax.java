package io.cedarwood.engine.parser;

import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.parser.antlr.CedarLexer;
import io.cedarwood.engine.parser.antlr.CedarParser;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.LexerNoViableAltException;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;

/**
 * Text to parse tree: lexes the whole input first (an invalid character stops everything, as in the
 * reference), refuses input nested deeper than we are willing to recurse, then parses in ANTLR's fast SLL
 * mode and falls back to full LL only when SLL fails. Syntax errors become {@link ParseError}s in the
 * reference's words ({@code unexpected token `x`}, with the expected tokens as help); in a policy set,
 * parsing resumes after the next {@code ;} so that every broken policy is reported.
 *
 * <p>The text is lexed once. A policy set is lexed and parsed in one pass, one {@code ;}-terminated piece at
 * a time (a {@code ;} ends a policy and appears nowhere else), so that memory follows the largest policy, not
 * the whole set: tokens and parse trees for megabytes of policies need many times their size.
 */
final class Syntax {
    /** Parentheses, brackets and braces nested deeper than this are refused before parsing. */
    static final int MAX_BRACKET_NESTING = 200;
    /** A safety net for nesting without brackets ({@code if if if ...}): grammar rules active at once. */
    static final int MAX_RULE_DEPTH = 2500;

    private final String text;
    private final Offsets offsets;
    private final CharStream chars;
    /** The tokens of {@link #lex}, the end of input included. */
    private List<Token> tokens;
    private GuardedParser parser;

    private Syntax(String text, Offsets offsets, CharStream chars) {
        this.text = text;
        this.offsets = offsets;
        this.chars = chars;
    }

    String text() {
        return text;
    }

    Offsets offsets() {
        return offsets;
    }

    /**
     * Lexes {@code text} and checks its bracket nesting, keeping the tokens for {@link #parse}.
     *
     * @throws ParseException on an invalid character or too deep nesting
     */
    static Syntax lex(String text) {
        Syntax syntax = of(text);
        Nesting nesting = syntax.new Nesting();
        CedarLexer lexer = syntax.lexer();
        List<Token> tokens = new ArrayList<>();
        try {
            Token t;
            do {
                t = lexer.nextToken();
                nesting.check(t);
                tokens.add(t);
            } while (t.getType() != Token.EOF);
        } catch (LexError e) {
            throw syntax.invalidToken(e);
        }
        syntax.tokens = tokens;
        return syntax;
    }

    /** The text, not lexed yet: {@link #parsePolicies} lexes it as it parses. */
    static Syntax of(String text) {
        return new Syntax(text, Offsets.of(text), CharStreams.fromString(text));
    }

    private ParseException invalidToken(LexError e) {
        int start = offsets.charOffset(e.codePointIndex);
        int end = start < text.length() ? text.offsetByCodePoints(start, 1) : start;
        String help = null;
        if (start < text.length() && text.charAt(start) == '"') {
            help = "try checking that all strings are closed properly";
        } else if (start < text.length() && text.charAt(start) == '\'') {
            help = "strings must use double quotes, not single quotes";
        }
        return new ParseException(text, List.of(new ParseError("invalid token", new SourceSpan(start, end), help)));
    }

    /** A lexer from the start of the text; an invalid character throws {@link LexError}. */
    private CedarLexer lexer() {
        chars.seek(0);
        CedarLexer lexer = new CedarLexer(chars) {
            @Override
            public void notifyListeners(LexerNoViableAltException e) {
                throw new LexError(e.getStartIndex());
            }
        };
        lexer.removeErrorListeners();
        return lexer;
    }

    // the chains of binary operators and accesses the token scan counts, tightest binding last
    private static final int OR = 0;
    private static final int AND = 1;
    private static final int ADD = 2;
    private static final int MULT = 3;
    private static final int ACCESS = 4;

    /**
     * Refuses bracket nesting past {@link #MAX_BRACKET_NESTING} and, at each bracket level, a chain of
     * {@code ||}, {@code &&}, {@code +}/{@code -}, {@code *} or {@code .} with {@link Expr#MAX_DEPTH} or more
     * operators: such a chain nests at least one level per operator, so the expression would be refused
     * anyway, and counting first keeps a million-operand chain from being parsed into a tree. Sees the
     * tokens one at a time.
     */
    private final class Nesting {
        private int depth;
        private final int[][] chains = new int[MAX_BRACKET_NESTING + 1][ACCESS + 1];
        private Token previous;

        void check(Token t) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                return;
            }
            int[] chain = chains[depth];
            switch (t.getType()) {
                case CedarLexer.LPAREN, CedarLexer.LBRACKET, CedarLexer.LBRACE -> {
                    if (++depth > MAX_BRACKET_NESTING) {
                        throw tooDeep(t);
                    }
                    Arrays.fill(chains[depth], 0);
                }
                case CedarLexer.RPAREN, CedarLexer.RBRACKET, CedarLexer.RBRACE -> depth = Math.max(0, depth - 1);
                case CedarLexer.OR -> count(chain, OR, t);
                case CedarLexer.AND -> count(chain, AND, t);
                case CedarLexer.PLUS -> count(chain, ADD, t);
                case CedarLexer.DASH -> {
                    if (endsOperand(previous)) {
                        count(chain, ADD, t);
                    }
                }
                case CedarLexer.STAR -> count(chain, MULT, t);
                case CedarLexer.DOT -> count(chain, ACCESS, t);
                case CedarLexer.EQ, CedarLexer.NE, CedarLexer.LT, CedarLexer.LE, CedarLexer.GE, CedarLexer.GT,
                        CedarLexer.IN, CedarLexer.HAS, CedarLexer.LIKE, CedarLexer.IS -> Arrays.fill(chain, ADD, chain.length, 0);
                case CedarLexer.COMMA, CedarLexer.COLON, CedarLexer.SEMI, CedarLexer.IF, CedarLexer.THEN,
                        CedarLexer.ELSE, CedarLexer.WHEN, CedarLexer.UNLESS -> Arrays.fill(chain, 0);
                default -> {
                }
            }
            previous = t;
        }
    }

    /** One more operator of {@code kind} in the chain; the chains binding tighter end there. */
    private void count(int[] chain, int kind, Token t) {
        Arrays.fill(chain, kind + 1, chain.length, 0);
        if (++chain[kind] >= Expr.MAX_DEPTH) {
            throw new ParseException(text, List.of(new ParseError("the expression is nested too deeply", span(t),
                    "at most " + Expr.MAX_DEPTH + " levels of nested operations are supported, a policy's scope and conditions included")));
        }
    }

    /** Whether {@code t} can end an operand, so that a {@code -} after it subtracts rather than negates. */
    private static boolean endsOperand(Token t) {
        if (t == null) {
            return false;
        }
        return switch (t.getType()) {
            case CedarLexer.IDENTIFIER, CedarLexer.NUMBER, CedarLexer.STRING, CedarLexer.TRUE, CedarLexer.FALSE,
                    CedarLexer.PRINCIPAL, CedarLexer.ACTION, CedarLexer.RESOURCE, CedarLexer.CONTEXT,
                    CedarLexer.PRINCIPAL_SLOT, CedarLexer.RESOURCE_SLOT, CedarLexer.OTHER_SLOT,
                    CedarLexer.RPAREN, CedarLexer.RBRACKET, CedarLexer.RBRACE -> true;
            default -> false;
        };
    }

    private ParseException tooDeep(Token t) {
        return new ParseException(text, List.of(new ParseError("the input is nested too deeply", span(t),
                "at most " + MAX_BRACKET_NESTING + " levels of parentheses, brackets and braces are supported")));
    }

    /**
     * Parses the whole input with one rule.
     *
     * @throws ParseException with the syntax error
     */
    <T extends ParserRuleContext> T parse(Function<CedarParser, T> rule) {
        Outcome<T> outcome = attempt(tokens, rule);
        if (outcome.error != null) {
            throw new ParseException(text, List.of(outcome.error));
        }
        return outcome.tree;
    }

    /**
     * Parses a policy set and hands its policies to {@code policy} with their positions (0, 1, ...) in source
     * order, one {@code ;}-terminated piece of the text at a time, keeping no piece's tokens or tree. Lexing,
     * the nesting checks and parsing are one pass over the text; an invalid character or too deep nesting
     * anywhere is reported alone, as if the whole text had been lexed first. After a syntax error, parsing
     * resumes after the next {@code ;}, as the reference's error recovery does, so that each broken policy
     * gets its error; the policies after the first error are not handed on.
     *
     * @throws ParseException with every syntax error
     */
    void parsePolicies(ObjIntConsumer<CedarParser.PolicyContext> policy) {
        List<ParseError> errors = new ArrayList<>();
        int position = 0;
        Nesting nesting = new Nesting();
        CedarLexer lexer = lexer();
        List<Token> piece = new ArrayList<>();
        // a failure that stops parsing; a lexing failure further on still takes precedence over it
        Throwable stopped = null;
        Token t;
        do {
            try {
                t = lexer.nextToken();
            } catch (LexError e) {
                throw invalidToken(e);
            }
            nesting.check(t);
            if (stopped != null) {
                continue;
            }
            piece.add(t);
            if (t.getType() == CedarLexer.SEMI || t.getType() == Token.EOF) {
                try {
                    Outcome<CedarParser.PoliciesContext> outcome = attempt(piece, CedarParser::policies);
                    if (outcome.error != null) {
                        errors.add(outcome.error);
                    } else if (errors.isEmpty()) {
                        for (CedarParser.PolicyContext c : outcome.tree.policy()) {
                            policy.accept(c, position++);
                        }
                    }
                } catch (ParseException | StackOverflowError e) {
                    stopped = e;
                }
                piece.clear();
            }
        } while (t.getType() != Token.EOF);
        if (stopped instanceof ParseException e) {
            throw e;
        } else if (stopped instanceof StackOverflowError e) {
            throw e;
        }
        if (!errors.isEmpty()) {
            throw new ParseException(text, errors);
        }
    }

    private record Outcome<T>(T tree, ParseError error) {
    }

    private <T extends ParserRuleContext> Outcome<T> attempt(List<Token> input, Function<CedarParser, T> rule) {
        try {
            return attemptSllThenLl(input, rule);
        } catch (TooDeep e) {
            throw new ParseException(text, List.of(new ParseError("the input is nested too deeply", span(e.token),
                    "nest `if` expressions and parentheses less deeply")));
        }
    }

    private <T extends ParserRuleContext> Outcome<T> attemptSllThenLl(List<Token> input, Function<CedarParser, T> rule) {
        GuardedParser parser = parser(input, PredictionMode.SLL);
        try {
            return new Outcome<>(rule.apply(parser), null);
        } catch (ParseCancellationException sllFailed) {
            // SLL is fast but may fail on valid input; full LL decides
        }
        parser = parser(input, PredictionMode.LL);
        try {
            return new Outcome<>(rule.apply(parser), null);
        } catch (ParseCancellationException e) {
            if (e.getCause() instanceof RecognitionException re) {
                Token offending = re.getOffendingToken() != null ? re.getOffendingToken() : parser.getCurrentToken();
                IntervalSet expected = expectedTokens(re, parser, offending);
                return new Outcome<>(null, syntaxError(offending, expected, input));
            }
            throw e;
        }
    }

    /**
     * What could have come instead of {@code offending}: ANTLR's expected set where the error was found,
     * plus everything that can start the outermost rule that was about to begin at {@code offending} (so
     * that after {@code 1 +} the help lists {@code !} and {@code -}, not just what starts a primary).
     */
    private static IntervalSet expectedTokens(RecognitionException re, GuardedParser parser, Token offending) {
        IntervalSet set = new IntervalSet();
        try {
            // a prediction that failed further on than where it started knows only what could start there
            boolean lookedAhead = re instanceof NoViableAltException nv && nv.getStartToken() != null
                    && nv.getStartToken().getTokenIndex() != offending.getTokenIndex();
            if (!lookedAhead) {
                IntervalSet found = re.getExpectedTokens();
                set.addAll(found != null ? found : parser.getExpectedTokens());
            }
            int outermost = -1;
            RuleContext ctx = re.getCtx();
            while (ctx instanceof ParserRuleContext p && p.getStart() != null
                    && p.getStart().getTokenIndex() == offending.getTokenIndex()) {
                outermost = p.getRuleIndex();
                ctx = p.getParent();
            }
            if (outermost >= 0) {
                set.addAll(parser.getATN().nextTokens(parser.getATN().ruleToStartState[outermost]));
            }
        } catch (RuntimeException e) {
            // the help is a courtesy: without it the error is still reported
        }
        return set;
    }

    /** A parser over {@code input}: one per text, reset for each piece and each attempt. */
    private GuardedParser parser(List<Token> input, PredictionMode mode) {
        TokenStream tokens = new CommonTokenStream(new ListTokenSource(new ArrayList<>(input)));
        if (parser == null) {
            parser = new GuardedParser(tokens);
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
        } else {
            parser.setTokenStream(tokens);
        }
        parser.getInterpreter().setPredictionMode(mode);
        return parser;
    }

    private ParseError syntaxError(Token offending, IntervalSet expected, List<Token> input) {
        if (offending.getType() != Token.EOF) {
            return new ParseError("unexpected token `" + offending.getText() + "`", span(offending), expectedHelp(expected));
        }
        // point just after the last token rather than at the very end (often a blank last line)
        SourceSpan at = span(offending);
        for (int i = input.size() - 1; i >= 0; i--) {
            if (input.get(i).getType() != Token.EOF) {
                int end = span(input.get(i)).end();
                at = new SourceSpan(end, end);
                break;
            }
        }
        return new ParseError("unexpected end of input", at, expectedHelp(expected));
    }

    private static final Set<Integer> IMPOSSIBLE = Set.of(
            CedarLexer.ASSIGN, CedarLexer.PERCENT, CedarLexer.SLASH, CedarLexer.OTHER_SLOT);
    private static final Set<Integer> SPECIAL_IDENTIFIERS = Set.of(
            CedarLexer.PERMIT, CedarLexer.FORBID, CedarLexer.WHEN, CedarLexer.UNLESS, CedarLexer.IN,
            CedarLexer.HAS, CedarLexer.LIKE, CedarLexer.IS, CedarLexer.THEN, CedarLexer.ELSE,
            CedarLexer.PRINCIPAL, CedarLexer.ACTION, CedarLexer.RESOURCE, CedarLexer.CONTEXT);
    private static final Set<Integer> EXPRESSION_START_IDENTIFIERS = Set.of(
            CedarLexer.TRUE, CedarLexer.FALSE, CedarLexer.IF);

    /** {@code expected `)` or `,`}, filtered like the reference: no impossible tokens, no keyword soup. */
    static String expectedHelp(IntervalSet expected) {
        if (expected == null || expected.isNil()) {
            return null;
        }
        List<Integer> types = expected.toList();
        boolean identifier = types.contains(CedarLexer.IDENTIFIER);
        boolean expressionStart = types.contains(CedarLexer.BANG);
        TreeSet<String> names = new TreeSet<>();
        for (int type : types) {
            if (type < Token.EOF || IMPOSSIBLE.contains(type)) {
                continue;
            }
            if (identifier && SPECIAL_IDENTIFIERS.contains(type)) {
                continue;
            }
            if (identifier && !expressionStart && EXPRESSION_START_IDENTIFIERS.contains(type)) {
                continue;
            }
            names.add(tokenName(type));
        }
        if (names.isEmpty()) {
            return null;
        }
        return "expected " + joinWithConjunction(new ArrayList<>(names), "or");
    }

    private static String tokenName(int type) {
        return switch (type) {
            case CedarLexer.IDENTIFIER -> "identifier";
            case CedarLexer.NUMBER -> "number";
            case CedarLexer.STRING -> "string literal";
            case Token.EOF -> "end of input";
            default -> {
                String literal = CedarLexer.VOCABULARY.getLiteralName(type);
                yield literal == null ? CedarLexer.VOCABULARY.getDisplayName(type)
                        : "`" + literal.substring(1, literal.length() - 1) + "`";
            }
        };
    }

    /** {@code a}, {@code a or b}, {@code a, b, or c}. */
    static String joinWithConjunction(List<String> items, String conjunction) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        if (items.size() == 2) {
            return items.get(0) + " " + conjunction + " " + items.get(1);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + ", " + conjunction + " " + items.get(items.size() - 1);
    }

    SourceSpan span(Token t) {
        if (t.getType() == Token.EOF) {
            return new SourceSpan(text.length(), text.length());
        }
        int start = offsets.charOffset(t.getStartIndex());
        int end = offsets.charOffset(t.getStopIndex() + 1);
        return new SourceSpan(start, Math.max(start, end));
    }

    /** A lexing failure at a code point index. */
    private static final class LexError extends RuntimeException {
        private final int codePointIndex;

        LexError(int codePointIndex) {
            super(null, null, false, false);
            this.codePointIndex = codePointIndex;
        }
    }

    /** Too many grammar rules active at once. */
    private static final class TooDeep extends RuntimeException {
        private final Token token;

        TooDeep(Token token) {
            super(null, null, false, false);
            this.token = token;
        }
    }

    /** The generated parser with a limit on how many rules may be active at once. */
    private static final class GuardedParser extends CedarParser {
        private int depth;

        GuardedParser(TokenStream input) {
            super(input);
        }

        @Override
        public void reset() {
            super.reset();
            depth = 0;
        }

        @Override
        public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
            if (++depth > MAX_RULE_DEPTH) {
                throw new TooDeep(getCurrentToken());
            }
            super.enterRule(localctx, state, ruleIndex);
        }

        @Override
        public void exitRule() {
            depth--;
            super.exitRule();
        }
    }

    /**
     * Converts ANTLR's code point indexes to the char offsets that {@link SourceSpan}s use; the identity
     * unless the text has characters outside the Basic Multilingual Plane.
     */
    static final class Offsets {
        private final int[] charOffsets;

        private Offsets(int[] charOffsets) {
            this.charOffsets = charOffsets;
        }

        static Offsets of(String text) {
            int codePoints = text.codePointCount(0, text.length());
            if (codePoints == text.length()) {
                return new Offsets(null);
            }
            int[] map = new int[codePoints + 1];
            int offset = 0;
            for (int i = 0; i < codePoints; i++) {
                map[i] = offset;
                offset += Character.charCount(text.codePointAt(offset));
            }
            map[codePoints] = offset;
            return new Offsets(map);
        }

        int charOffset(int codePointIndex) {
            if (charOffsets == null) {
                return codePointIndex;
            }
            return charOffsets[Math.min(Math.max(codePointIndex, 0), charOffsets.length - 1)];
        }
    }
}
