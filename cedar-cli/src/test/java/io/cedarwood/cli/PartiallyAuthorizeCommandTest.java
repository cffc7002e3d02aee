package io.cedarwood.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PartiallyAuthorizeCommandTest {
    private static final Path PHOTOS = Path.of("..", "examples", "photos");

    record Result(int exitCode, String out, String err) {
    }

    private static Result cedar(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CedarCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String[] partially(String... request) {
        String[] base = {"partially-authorize",
                "--policies", PHOTOS.resolve("policies.cedar").toString(),
                "--entities", PHOTOS.resolve("entities.json").toString(),
                "--action", "Action::\"view\""};
        String[] all = new String[base.length + request.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(request, 0, all, base.length, request.length);
        return all;
    }

    @Test
    void anUnknownResourcePrintsUnknownAndTheResidualsAndExitsZero() {
        Result r = cedar(partially("--principal", "User::\"bob\"", "--context",
                PHOTOS.resolve("context-home.json").toString()));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("UNKNOWN\n").contains("residual policies:")
                .contains("resource in Album::\"vacation\"").contains("resource.owner == User::\"bob\"");
    }

    @Test
    void knownPartsThatDecidePrintTheDecision() {
        Result allow = cedar(partially("--principal", "User::\"bob\"", "--resource", "Photo::\"beach.jpg\""));
        assertThat(allow.exitCode()).isZero();
        assertThat(allow.out().strip()).isEqualTo("ALLOW");
        // every known part given: the same answer as `authorize`
        Result deny = cedar(partially("--principal", "User::\"bob\"", "--resource", "Photo::\"passport.jpg\"",
                "--context", PHOTOS.resolve("context-office.json").toString(), "-v"));
        assertThat(deny.exitCode()).isEqualTo(2);
        assertThat(deny.out()).startsWith("DENY").contains("must be determining: private-needs-owner");
    }

    @Test
    void badInputExitsOne() {
        Result r = cedar(partially("--principal", "not a uid"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("failed to parse principal");
    }
}
