package io.cedarwood.cli;

import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.authz.PolicySet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.cedarwood.cli.CliRunner.cedar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The root README's examples run, and say what they print; examples/ is formatted. */
class DocsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    record Block(String language, String text) {
    }

    private static List<Block> readmeBlocks() throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(ROOT.resolve("README.md")));
        List<Block> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2)));
        }
        return blocks;
    }

    /** Splits a shell command line: words, and 'single-quoted' words taken as they are. */
    private static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words;
    }

    @Test
    void theCommandLineExampleDeniesBobAndAllowsAlice() throws IOException {
        String command = readmeBlocks().stream().map(Block::text)
                .filter(t -> t.contains("cedar-cli.jar authorize")).findFirst().orElseThrow();
        List<String> words = shellWords(command.substring(command.indexOf("cedar-cli.jar") + "cedar-cli.jar".length()).strip());
        String[] args = words.stream().map(w -> w.startsWith("examples/") ? ROOT.resolve(w).toString() : w).toArray(String[]::new);

        CliRunner.Result bob = cedar(args);
        assertThat(bob.err()).isEmpty();
        assertThat(bob.exitCode()).isEqualTo(2);
        assertThat(bob.out()).startsWith("DENY").contains("  private-needs-owner");

        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("User::\"bob\"")) {
                args[i] = "User::\"alice\"";
            }
        }
        assertThat(cedar(args).out()).startsWith("ALLOW");
    }

    @Test
    void theParseErrorSampleIsWhatTheEngineSaysToday() throws IOException {
        String sample = readmeBlocks().stream().map(Block::text)
                .filter(t -> t.startsWith("error: unexpected token")).findFirst().orElseThrow();
        String policy = sample.lines().filter(l -> l.startsWith("1 | ")).findFirst().orElseThrow().substring(4);
        assertThatThrownBy(() -> PolicySet.parse(policy))
                .isInstanceOf(ParseException.class)
                .hasMessage(sample.stripTrailing());
    }

    /**
     * The Java blocks of the README, in order, compiled as one method and run from the project root's
     * view of {@code examples/}; a line {@code expr; // VALUE} whose comment is a value (upper-case word,
     * list, boolean) asserts that {@code expr} prints as it.
     */
    @Test
    void theJavaExamplesCompileRunAndPrintWhatTheirCommentsSay() throws Exception {
        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        Pattern checked = Pattern.compile("^(\\S.*?);\\s*// ([A-Z]+|\\[.*]|true|false)$");
        for (Block block : readmeBlocks()) {
            if (!block.language().equals("java")) {
                continue;
            }
            for (String line : block.text().lines().toList()) {
                Matcher m = checked.matcher(line);
                if (line.startsWith("import ")) {
                    imports.add(line);
                } else if (m.matches()) {
                    body.append("check(").append(m.group(1)).append(", \"").append(m.group(2)).append("\");\n");
                } else {
                    body.append(line.replace("Path.of(\"examples/", "Path.of(\"../examples/")).append('\n');
                }
            }
        }
        assertThat(body).as("the README's Java examples").contains("isAuthorized").contains("check(");
        String source = String.join("\n", imports) + "\n"
                + "public class ReadmeExample {\n"
                + "  static void check(Object actual, String expected) {\n"
                + "    if (!String.valueOf(actual).equals(expected)) throw new AssertionError(actual + \" is not \" + expected);\n"
                + "  }\n"
                + "  public static void run() throws Exception {\n" + body + "  }\n}\n";
        Path src = Files.writeString(tmp.resolve("ReadmeExample.java"), source);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "-d", tmp.toString(), "-cp", classPath, src.toString());
        assertThat(status).as("compiling the README's Java:\n%s\n%s", source, errors.toString(StandardCharsets.UTF_8)).isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
            loader.loadClass("ReadmeExample").getMethod("run").invoke(null);
        }
    }

    @Test
    void everySubcommandIsInTheReadmeTable() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (String name : CedarCli.commandLine().getSubcommands().keySet()) {
            if (!name.equals("help")) {
                assertThat(readme).as("README row for `%s`", name).contains("| `" + name);
            }
        }
    }

    @Test
    void theExamplesAreFormatted() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ROOT.resolve("examples"))) {
            files = walk.filter(p -> p.toString().endsWith(".cedar")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            CliRunner.Result r = cedar("format", "--check", "-p", file.toString());
            assertThat(r.exitCode()).as("`cedar format --check -p %s`", file).isZero();
        }
    }

    @Test
    void theBomHasTheProjectVersionAndNamesModulesOfThisBuild() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("cedarwood-bom/pom.xml"));
        String version = firstTag(parent, "version");
        assertThat(firstTag(bom, "version")).isEqualTo(version);
        Matcher artifacts = Pattern.compile("<artifactId>(cedar-[a-z-]+)</artifactId>").matcher(bom);
        int count = 0;
        while (artifacts.find()) {
            count++;
            assertThat(ROOT.resolve(artifacts.group(1)).resolve("pom.xml")).as("module of %s", artifacts.group(1)).exists();
        }
        assertThat(count).isGreaterThanOrEqualTo(3);
        assertThat(parent).contains("<module>cedarwood-bom</module>");
    }

    private static String firstTag(String pom, String tag) {
        // the project's own element: the first one after </parent> if there is a parent
        String from = pom.contains("</parent>") ? pom.substring(pom.indexOf("</parent>")) : pom;
        Matcher m = Pattern.compile("<" + tag + ">([^<]+)</" + tag + ">").matcher(from.substring(from.indexOf("<artifactId>")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
