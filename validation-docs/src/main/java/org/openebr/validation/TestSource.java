package org.openebr.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the test sources declare: classes, their test methods and the {@code @Tag} values on both. */
final class TestSource {

    private TestSource() {
    }

    /** One {@code @Tag("...")} value and the line it is on. */
    record TagUse(String value, int line) {
    }

    /**
     * A method that is a test ({@code @Test}, {@code @ParameterizedTest}, ...) or carries a tag.
     *
     * @param displayName the {@code @DisplayName} value, or {@code null}
     */
    record Method(String name, int line, boolean test, List<TagUse> tags, String displayName) {
    }

    /** A type declared in a test source file; nested types have their own entry with a {@code $} binary name. */
    static final class Type {

        final Path file;
        final String module;
        final String packageName;
        final String binaryName;
        final Type enclosing;
        final String kind;
        final boolean isAbstract;
        final int line;
        final List<String> supertypes;
        final Map<String, String> imports;
        final List<TagUse> tags;
        final List<Method> methods = new ArrayList<>();

        Type(Path file, String module, String packageName, String binaryName, Type enclosing, String kind,
                boolean isAbstract, int line, List<String> supertypes, Map<String, String> imports, List<TagUse> tags) {
            this.file = file;
            this.module = module;
            this.packageName = packageName;
            this.binaryName = binaryName;
            this.enclosing = enclosing;
            this.kind = kind;
            this.isAbstract = isAbstract;
            this.line = line;
            this.supertypes = supertypes;
            this.imports = imports;
            this.tags = tags;
        }

        /** {@code a.b.Outer.Inner}, as written in source. */
        String canonicalName() {
            return binaryName.replace('$', '.');
        }

        String simpleName() {
            int cut = Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$'));
            return binaryName.substring(cut + 1);
        }

        /** A class JUnit can instantiate and that the reports name: not abstract, not an interface. */
        boolean instantiable() {
            return kind.equals("class") && !isAbstract;
        }

        @Override
        public String toString() {
            return binaryName;
        }
    }
}
