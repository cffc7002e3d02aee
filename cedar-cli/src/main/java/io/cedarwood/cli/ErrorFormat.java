package io.cedarwood.cli;

/** How errors are reported, as the reference's {@code --error-format}. */
enum ErrorFormat {
    /** the message with the source line and a caret */
    human,
    /** the same as {@code human}: this command line draws no terminal graphics */
    plain,
    /** one JSON object per diagnostic, one per line */
    json
}
