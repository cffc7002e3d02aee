package io.cedarwood.engine.format;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.parser.ParseError;
import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.parser.PolicyParser;

import java.util.List;
import java.util.Objects;

/**
 * Formats Cedar policy text, as {@code cedar format} does: the layout of the reference's formatter
 * ({@code cedar-policy-formatter}), lines broken where they would exceed the line width, every comment
 * kept next to the token it was written beside.
 *
 * <p>The result parses to the same policies (nothing is added, removed or reordered but white space,
 * comment placement and trailing commas; string literals and numbers stay as written), formatting it
 * again gives it back unchanged, and it ends with a line break. Policies are separated by an empty line;
 * there are no other empty lines.
 * <pre>
 * // a comment stays where it was
 * &#64;id("sample")
 * permit (
 *   principal == User::"alice",
 *   action in [Action::"view", Action::"edit"],
 *   resource
 * )
 * when { resource.owner == principal }
 * unless { context.blocked };
 * </pre>
 */
public final class PolicyFormatter {
    /** The reference's default line width. */
    public static final int DEFAULT_LINE_WIDTH = 80;
    /** The reference's default indentation. */
    public static final int DEFAULT_INDENT_WIDTH = 2;

    private PolicyFormatter() {
    }

    /**
     * The policy set in {@code policyText}, formatted with the default line width and indentation.
     *
     * @throws ParseException when the text is not a valid policy set
     */
    public static String format(String policyText) {
        return format(policyText, DEFAULT_LINE_WIDTH, DEFAULT_INDENT_WIDTH);
    }

    /**
     * The policy set in {@code policyText}, formatted in lines of at most {@code lineWidth} columns where
     * possible, nested parts indented by {@code indentWidth} columns.
     *
     * @throws ParseException when the text is not a valid policy set
     * @throws IllegalArgumentException when {@code lineWidth} is less than 1 or {@code indentWidth} negative
     */
    public static String format(String policyText, int lineWidth, int indentWidth) {
        Objects.requireNonNull(policyText, "policyText");
        if (lineWidth < 1) {
            throw new IllegalArgumentException("the line width must be at least 1, got " + lineWidth);
        }
        if (indentWidth < 0) {
            throw new IllegalArgumentException("the indentation width must not be negative, got " + indentWidth);
        }
        PolicySet policies = PolicySet.parse(policyText);
        String formatted;
        try {
            formatted = layOut(policyText, lineWidth, indentWidth);
        } catch (StackOverflowError e) {
            throw new ParseException(policyText, List.of(new ParseError("the input is nested too deeply", null)));
        }
        // as the reference does: never hand out text that means something else
        if (!PolicySet.parse(formatted).equals(policies)) {
            throw new IllegalStateException("formatting changed the meaning of the policies (a bug in the formatter)");
        }
        return formatted;
    }

    private static String layOut(String text, int lineWidth, int indentWidth) {
        DocBuilder.Result result = DocBuilder.build(text, indentWidth);
        StringBuilder out = new StringBuilder();
        for (Doc policy : result.policies()) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(Layout.render(policy, lineWidth));
        }
        if (out.length() > 0 || result.endComments().isEmpty()) {
            out.append('\n');
        }
        for (String comment : result.endComments()) {
            out.append(comment).append('\n');
        }
        return out.toString();
    }
}
