package org.openebr.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openebr.validation.JavaTokenizer.Kind;
import org.openebr.validation.JavaTokenizer.Token;
import org.openebr.validation.TestSource.Method;
import org.openebr.validation.TestSource.TagUse;
import org.openebr.validation.TestSource.Type;

/**
 * Reads {@code <module>/src/test/java/**.java} and finds, per type, its tags and its test methods with their tags.
 * It is a declaration scanner, not a compiler: method bodies and field initialisers are skipped whole.
 */
final class TestSourceScanner {

    static final Set<String> TEST_ANNOTATIONS =
            Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "TestTemplate");

    private static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final",
            "abstract", "default", "synchronized", "native", "strictfp", "transient", "volatile", "sealed");

    /** The result of scanning: the types found, and notes on tags whose value could not be read. */
    record Scan(List<Type> types, List<String> warnings) {
    }

    private TestSourceScanner() {
    }

    /** Scans every {@code *}{@code /src/test/java} directory directly under the reactor root. */
    static Scan scan(Path reactorRoot) {
        List<Type> types = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path module : modules(reactorRoot)) {
            Path testJava = module.resolve("src/test/java");
            if (!Files.isDirectory(testJava)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(testJava)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
                        .sorted().toList()) {
                    String source = Files.readString(file, StandardCharsets.UTF_8);
                    Scan one = parse(source, reactorRoot.relativize(file), module.getFileName().toString());
                    types.addAll(one.types());
                    warnings.addAll(one.warnings());
                }
            } catch (IOException e) {
                throw new TraceabilityException("cannot read the test sources under " + testJava + ": " + e, e);
            }
        }
        return new Scan(types, warnings);
    }

    static List<Path> modules(Path reactorRoot) {
        try (Stream<Path> children = Files.list(reactorRoot)) {
            return children.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one compilation unit; {@code file} is used for messages only. */
    static Scan parse(String source, Path file, String module) {
        Parser parser = new Parser(JavaTokenizer.tokenize(source), file, module);
        parser.compilationUnit();
        return new Scan(parser.types, parser.warnings);
    }

    private record Annotation(String name, List<Token> arguments, int line) {
    }

    private static final class Parser {

        private final List<Token> tokens;
        private final Path file;
        private final String module;
        private final List<Type> types = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, String> imports = new HashMap<>();
        private String packageName = "";
        private int pos;

        Parser(List<Token> tokens, Path file, String module) {
            this.tokens = tokens;
            this.file = file;
            this.module = module;
        }

        void compilationUnit() {
            while (pos < tokens.size()) {
                if (at("package")) {
                    pos++;
                    packageName = qualifiedName();
                    skipPast(";");
                } else if (at("import")) {
                    pos++;
                    boolean isStatic = at("static");
                    if (isStatic) {
                        pos++;
                    }
                    String name = qualifiedName();
                    if (!isStatic && !at(".")) {
                        imports.put(name.substring(name.lastIndexOf('.') + 1), name);
                    }
                    skipPast(";");
                } else {
                    body(null);
                }
            }
        }

        /** Declarations up to the closing brace of {@code owner} (or the end of file at top level). */
        private void body(Type owner) {
            while (pos < tokens.size()) {
                if (at("}")) {
                    pos++;
                    if (owner != null) {
                        return;
                    }
                    continue;
                }
                if (at(";")) {
                    pos++;
                    continue;
                }
                List<Annotation> annotations = new ArrayList<>();
                boolean isAbstract = false;
                while (pos < tokens.size()) {
                    if (at("@") && !atWord(pos + 1, "interface")) {
                        annotations.add(annotation());
                    } else if (cur().kind() == Kind.IDENT && MODIFIERS.contains(cur().text())) {
                        isAbstract |= at("abstract");
                        pos++;
                    } else if (at("non") && atPunct(pos + 1, "-") && atWord(pos + 2, "sealed")) {
                        pos += 3;
                    } else {
                        break;
                    }
                }
                if (pos >= tokens.size()) {
                    return;
                }
                if (at("{")) {
                    skipBalanced("{", "}");
                    continue;
                }
                if (at("}")) {
                    continue;
                }
                String kind = typeKeyword();
                if (kind != null) {
                    type(owner, kind, isAbstract || kind.equals("interface"), annotations);
                } else if (owner == null) {
                    pos++;
                } else {
                    member(owner, annotations);
                }
            }
        }

        private String typeKeyword() {
            if (at("@") && atWord(pos + 1, "interface")) {
                pos += 2;
                return "@interface";
            }
            for (String keyword : List.of("class", "interface", "enum")) {
                if (at(keyword)) {
                    pos++;
                    return keyword;
                }
            }
            if (at("record") && pos + 2 < tokens.size() && tokens.get(pos + 1).kind() == Kind.IDENT
                    && (atPunct(pos + 2, "(") || atPunct(pos + 2, "<"))) {
                pos++;
                return "record";
            }
            return null;
        }

        private void type(Type owner, String kind, boolean isAbstract, List<Annotation> annotations) {
            if (pos >= tokens.size() || cur().kind() != Kind.IDENT) {
                return;
            }
            Token name = tokens.get(pos++);
            String binaryName = owner != null ? owner.binaryName + "$" + name.text()
                    : packageName.isEmpty() ? name.text() : packageName + "." + name.text();
            List<String> supertypes = new ArrayList<>();
            int angle = 0;
            boolean collecting = false;
            while (pos < tokens.size() && !(angle == 0 && at("{"))) {
                if (at("(")) {
                    skipBalanced("(", ")");
                    continue;
                }
                if (at("<")) {
                    angle++;
                } else if (at(">")) {
                    angle--;
                } else if (angle == 0 && (at("extends") || at("implements"))) {
                    collecting = true;
                } else if (angle == 0 && at("permits")) {
                    collecting = false;
                } else if (angle == 0 && collecting && cur().kind() == Kind.IDENT) {
                    supertypes.add(qualifiedName());
                    continue;
                } else if (at("@")) {
                    annotation();
                    continue;
                }
                pos++;
            }
            Type type = new Type(file, module, packageName, binaryName, owner, kind, isAbstract, name.line(),
                    List.copyOf(supertypes), imports, tags(annotations));
            types.add(type);
            if (pos >= tokens.size()) {
                return;
            }
            if (kind.equals("enum") || kind.equals("@interface")) {
                skipBalanced("{", "}");
            } else {
                pos++;
                body(type);
            }
        }

        /** A field, method or constructor: methods are recorded, bodies and initialisers skipped. */
        private void member(Type owner, List<Annotation> annotations) {
            while (pos < tokens.size()) {
                Token t = cur();
                if (t.is("=")) {
                    skipStatement();
                    return;
                }
                if (t.is(";")) {
                    pos++;
                    return;
                }
                if (t.is("}")) {
                    return;
                }
                if (t.is("{")) {
                    skipBalanced("{", "}");
                    return;
                }
                if (t.is("@")) {
                    annotation();
                    continue;
                }
                if (t.is("<")) {
                    skipBalanced("<", ">");
                    continue;
                }
                if (t.kind() == Kind.IDENT && atPunct(pos + 1, "(")) {
                    pos++;
                    skipBalanced("(", ")");
                    while (pos < tokens.size() && !at("{") && !at(";") && !at("}")) {
                        pos++;
                    }
                    if (at("{")) {
                        skipBalanced("{", "}");
                    } else if (at(";")) {
                        pos++;
                    }
                    method(owner, t, annotations);
                    return;
                }
                pos++;
            }
        }

        private void method(Type owner, Token name, List<Annotation> annotations) {
            boolean test = annotations.stream().anyMatch(a -> TEST_ANNOTATIONS.contains(a.name()));
            List<TagUse> tags = tags(annotations);
            if (!test && tags.isEmpty()) {
                return;
            }
            String displayName = annotations.stream()
                    .filter(a -> a.name().equals("DisplayName") && a.arguments().size() == 1
                            && a.arguments().get(0).kind() == Kind.STRING)
                    .map(a -> a.arguments().get(0).text())
                    .findFirst().orElse(null);
            owner.methods.add(new Method(name.text(), name.line(), test, List.copyOf(tags), displayName));
        }

        /** {@code @Tag("X")}, {@code @Tag(value = "X")} and {@code @Tags({@Tag("X"), ...})}. */
        private List<TagUse> tags(List<Annotation> annotations) {
            List<TagUse> tags = new ArrayList<>();
            for (Annotation a : annotations) {
                if (a.name().equals("Tag")) {
                    tag(a, tags);
                } else if (a.name().equals("Tags")) {
                    Parser inner = new Parser(a.arguments(), file, module);
                    while (inner.pos < inner.tokens.size()) {
                        if (inner.at("@")) {
                            Annotation nested = inner.annotation();
                            if (nested.name().equals("Tag")) {
                                tag(nested, tags);
                            }
                        } else {
                            inner.pos++;
                        }
                    }
                }
            }
            return tags;
        }

        private void tag(Annotation a, List<TagUse> tags) {
            List<Token> args = a.arguments();
            if (args.size() == 1 && args.get(0).kind() == Kind.STRING) {
                tags.add(new TagUse(args.get(0).text(), a.line()));
            } else if (args.size() == 3 && args.get(0).is("value") && args.get(1).is("=")
                    && args.get(2).kind() == Kind.STRING) {
                tags.add(new TagUse(args.get(2).text(), a.line()));
            } else if (args.stream().noneMatch(t -> t.is("name"))) {
                // @Tag(name = ...) is OpenAPI's, not JUnit's; anything else is a tag we cannot read
                warnings.add(file + ":" + a.line() + ": @Tag value is not a string literal, ignored: @Tag("
                        + String.join(" ", args.stream().map(Token::text).toList()) + ")");
            }
        }

        private Annotation annotation() {
            int line = cur().line();
            pos++;
            String name = qualifiedName();
            String simple = name.substring(name.lastIndexOf('.') + 1);
            List<Token> arguments = List.of();
            if (at("(")) {
                int start = pos;
                skipBalanced("(", ")");
                arguments = tokens.subList(start + 1, Math.max(start + 1, pos - 1));
            }
            return new Annotation(simple, arguments, line);
        }

        private String qualifiedName() {
            StringBuilder name = new StringBuilder();
            while (pos < tokens.size() && cur().kind() == Kind.IDENT) {
                name.append(cur().text());
                pos++;
                if (at(".") && pos + 1 < tokens.size() && tokens.get(pos + 1).kind() == Kind.IDENT) {
                    name.append('.');
                    pos++;
                } else {
                    break;
                }
            }
            return name.toString();
        }

        /** From an {@code =} to the {@code ;} that ends the declaration, over nested brackets. */
        private void skipStatement() {
            int depth = 0;
            while (pos < tokens.size()) {
                Token t = cur();
                if (t.is("(") || t.is("{") || t.is("[")) {
                    depth++;
                } else if (t.is(")") || t.is("}") || t.is("]")) {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                } else if (t.is(";") && depth == 0) {
                    pos++;
                    return;
                }
                pos++;
            }
        }

        /** Skips from an opening token (at {@code pos}) past its matching closing token. */
        private void skipBalanced(String open, String close) {
            int depth = 0;
            while (pos < tokens.size()) {
                Token t = cur();
                if (t.is(open)) {
                    depth++;
                } else if (t.is(close)) {
                    depth--;
                    if (depth == 0) {
                        pos++;
                        return;
                    }
                }
                pos++;
            }
        }

        private void skipPast(String punct) {
            while (pos < tokens.size() && !at(punct)) {
                pos++;
            }
            pos++;
        }

        private Token cur() {
            return tokens.get(pos);
        }

        private boolean at(String text) {
            return pos < tokens.size() && cur().is(text);
        }

        private boolean atWord(int i, String word) {
            return i < tokens.size() && tokens.get(i).kind() == Kind.IDENT && tokens.get(i).text().equals(word);
        }

        private boolean atPunct(int i, String punct) {
            return i < tokens.size() && tokens.get(i).kind() == Kind.PUNCT && tokens.get(i).text().equals(punct);
        }
    }
}
