package io.github.customeremail.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every fenced {@code java} block of the user docs against the modules, so that an example that stops
 * compiling fails the build. The README files are listed in the {@code docs.files} property of this module's POM.
 *
 * <p>How a block is compiled, by what it holds:
 * <ul>
 *   <li>a module declaration ({@code module x {…}}): as {@code module-info.java} on the module path, with an empty
 *       class in each package it opens;</li>
 *   <li>a type declaration ({@code class}, {@code record}, {@code interface}, {@code enum}, after annotations):
 *       as a compilation unit;</li>
 *   <li>annotations only: on a field;</li>
 *   <li>anything else: as the body of a method of a class that extends {@link SnippetContext}, which declares the
 *       names the examples take as given ({@code save}, {@code dnsChecker}, {@code violation}…). Those of
 *       {@code README.md} are also run.</li>
 * </ul>
 * Each is given the imports in {@link #IMPORTS}.
 */
class DocSnippetsTest {

    private static final Pattern FENCE = Pattern.compile("(?m)^([ \\t]*)```java[ \\t]*\\n(.*?)^[ \\t]*```",
            Pattern.DOTALL);
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?m)^(public |final |abstract |sealed )*(class|record|interface|enum) \\w+");
    private static final Pattern MODULE_DECLARATION = Pattern.compile("(?s)^\\s*(/\\*.*?\\*/\\s*)?module [\\w.]+\\s*\\{");
    private static final Pattern OPENS = Pattern.compile("opens ([\\w.]+)");

    static final String IMPORTS = """
            import java.time.*;
            import java.util.*;
            import io.github.customeremail.*;
            import io.github.customeremail.dns.*;
            import io.github.customeremail.validation.*;
            import io.github.customeremail.odoo.*;
            import jakarta.validation.*;
            import jakarta.validation.constraints.*;
            import jakarta.persistence.AttributeConverter;
            import jakarta.persistence.Convert;
            import jakarta.persistence.Converter;
            import jakarta.persistence.Entity;
            import jakarta.persistence.GeneratedValue;
            import jakarta.persistence.Id;
            import org.hibernate.validator.HibernateValidator;
            import org.hibernate.validator.HibernateValidatorConfiguration;
            import org.hibernate.validator.HibernateValidatorFactory;
            import org.hibernate.validator.engine.HibernateConstraintViolation;
            """;

    /** A fenced block: where it is and what it says. */
    record Snippet(String file, int line, String code) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompiles() throws IOException {
        List<Snippet> snippets = snippets();
        // README.md is there and has examples: a test that finds nothing would prove nothing.
        assertThat(snippets).filteredOn(s -> s.file().equals("README.md")).hasSizeGreaterThanOrEqualTo(2);
        return snippets.stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> check(s)));
    }

    private void check(Snippet snippet) throws Exception {
        String code = snippet.code();
        Path dir = Files.createTempDirectory(work, "snippet");
        Path out = Files.createDirectories(dir.resolve("out"));
        if (MODULE_DECLARATION.matcher(code).find()) {
            compileModule(snippet, dir, out);
            return;
        }
        String className = "Snippet" + snippet.line();
        String source;
        boolean runnable = false;
        if (TYPE_DECLARATION.matcher(code).find()) {
            source = IMPORTS + code;
            Matcher m = TYPE_DECLARATION.matcher(code);
            m.find();
            className = m.group().replaceAll(".* ", "");
            // A public type must be in a file of its name; the package-less compilation unit is fine for javac.
        } else if (code.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("@"))) {
            source = IMPORTS + "class " + className + " {\n" + code + "\nString annotated;\n}\n";
        } else {
            source = IMPORTS + "public class " + className + " extends " + SnippetContext.class.getName() + " {\n"
                    + "public void run() throws Exception {\n" + code + "\n}\n}\n";
            runnable = snippet.file().equals("README.md");
        }
        compile(snippet, List.of(write(dir.resolve(className + ".java"), source)),
                List.of("-classpath", System.getProperty("java.class.path")), out);
        if (runnable) {
            run(out, className);
        }
    }

    /** Runs a README example: it must not throw, and what it saves is a normalized address. */
    private static void run(Path classes, String className) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                DocSnippetsTest.class.getClassLoader())) {
            SnippetContext context = (SnippetContext) loader.loadClass(className).getDeclaredConstructor()
                    .newInstance();
            context.run();
            for (String saved : context.saved) {
                assertThat(saved).isEqualTo(saved.strip().toLowerCase(Locale.ROOT)).contains("@");
            }
        }
    }

    private void compileModule(Snippet snippet, Path dir, Path out) throws IOException {
        List<Path> sources = new ArrayList<>();
        Path src = Files.createDirectories(dir.resolve("src"));
        sources.add(write(src.resolve("module-info.java"), snippet.code()));
        Matcher opens = OPENS.matcher(snippet.code());
        while (opens.find()) {
            String pkg = opens.group(1);
            sources.add(write(src.resolve(pkg.replace('.', '/')).resolve("Placeholder.java"),
                    "package " + pkg + ";\nclass Placeholder { }\n"));
        }
        // Module path: the jars and class folders of the test class path that are modules or named ones (the
        // test tools, some without a valid automatic name, are left out).
        List<String> modulePath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (!name.startsWith("junit") && !name.startsWith("assertj") && !name.startsWith("opentest4j")
                    && !name.startsWith("apiguardian") && !name.startsWith("byte-buddy")
                    && !name.equals("test-classes") && !name.startsWith("surefire")) {
                modulePath.add(entry);
            }
        }
        compile(snippet, sources, List.of("--module-path", String.join(File.pathSeparator, modulePath)), out);
    }

    private static void compile(Snippet snippet, List<Path> sources, List<String> pathOptions, Path out)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ENGLISH,
                StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(pathOptions);
            options.addAll(List.of("-d", out.toString(), "-proc:none", "--release", "17"));
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            StringBuilder errors = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ENGLISH)).append('\n');
                }
            }
            assertThat(ok).as("the java block at %s compiles:%n%s%n%s", snippet, errors, snippet.code()).isTrue();
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** The fenced java blocks of the docs listed in {@code docs.files}, indentation removed. */
    static List<Snippet> snippets() throws IOException {
        Path root = Path.of(System.getProperty("docs.root", ".."));
        List<Snippet> snippets = new ArrayList<>();
        for (String file : System.getProperty("docs.files", "README.md").split(",")) {
            Path path = root.resolve(file.strip());
            if (!Files.exists(path)) {
                continue; // a module without a README
            }
            String text = Files.readString(path);
            Matcher m = FENCE.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).lines().count() + 1;
                String indent = m.group(1);
                StringBuilder code = new StringBuilder();
                for (String l : m.group(2).split("\n", -1)) {
                    code.append(l.startsWith(indent) ? l.substring(indent.length()) : l).append('\n');
                }
                snippets.add(new Snippet(file.strip(), line, code.toString()));
            }
        }
        return snippets;
    }
}
