package io.cedarwood.sample.tinytodo.todo;

import java.util.Locale;

/** How a list is shared with someone. */
public enum Role {
    READER("readers"), EDITOR("editors");

    private final String team;

    Role(String team) {
        this.team = team;
    }

    /** Which of the list's teams: {@code readers} or {@code editors}. */
    public String team() {
        return team;
    }

    /**
     * {@code reader}/{@code readers} or {@code editor}/{@code editors}, any case.
     *
     * @throws BadRequestException otherwise
     */
    public static Role parse(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "reader", "readers" -> READER;
            case "editor", "editors" -> EDITOR;
            default -> throw new BadRequestException("the role is `reader` or `editor`, not `" + text + "`");
        };
    }
}
