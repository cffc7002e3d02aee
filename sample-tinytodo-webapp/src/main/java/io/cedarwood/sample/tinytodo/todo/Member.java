package io.cedarwood.sample.tinytodo.todo;

import java.util.Locale;

/** A member of a team: a user or a team. */
public record Member(Kind kind, String name) {

    public enum Kind {
        USER("User"), TEAM("Team");

        private final String entityType;

        Kind(String entityType) {
            this.entityType = entityType;
        }

        /** The Cedar entity type, which is also how the database names the kind. */
        public String entityType() {
            return entityType;
        }

        /**
         * {@code user}/{@code users} or {@code team}/{@code teams}, any case.
         *
         * @throws BadRequestException otherwise
         */
        public static Kind parse(String text) {
            String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
            return switch (t) {
                case "user", "users" -> USER;
                case "team", "teams" -> TEAM;
                default -> throw new BadRequestException("share with a `user` or a `team`, not `" + text + "`");
            };
        }

        static Kind ofEntityType(String type) {
            return type.equals(USER.entityType) ? USER : TEAM;
        }
    }

    public static Member user(String name) {
        return new Member(Kind.USER, name);
    }

    public static Member team(String name) {
        return new Member(Kind.TEAM, name);
    }
}
