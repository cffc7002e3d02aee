package io.cedarwood.sample.tinytodo.todo;

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
     * {@code readers} or {@code editors}: the one name of each role, in the API's paths, the pages' forms and
     * the list's JSON.
     *
     * @throws BadRequestException otherwise
     */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.team.equals(text)) {
                return role;
            }
        }
        throw new BadRequestException("the role is `readers` or `editors`, not `" + text + "`");
    }
}
