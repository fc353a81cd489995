package org.openebr.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.openebr.validation.MatrixWriter.Provenance;
import org.openebr.validation.EngineReports.Reports;

/**
 * {@code GenerateTraceabilityMatrix <reactor root> <catalogue.csv> <output dir>}: checks that every requirement-id
 * tag the JUnit Platform reported names a catalogue row, writes {@code traceability-matrix.html}, {@code .md} and
 * {@code .csv}, then applies the gate ({@link TraceabilityMatrix#gate()}) and fails the build naming every problem.
 * Run by the build in the {@code verify} phase of {@code validation-docs}.
 */
public final class GenerateTraceabilityMatrix {

    static final List<String> OUTPUTS =
            List.of("traceability-matrix.html", "traceability-matrix.md", "traceability-matrix.csv");

    private GenerateTraceabilityMatrix() {
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            throw new TraceabilityException(
                    "usage: GenerateTraceabilityMatrix <reactor root> <catalogue.csv> <output dir> [release version]");
        }
        TraceabilityMatrix matrix = generate(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]),
                Clock.systemUTC(), args.length == 4 ? args[3] : "unversioned");
        System.out.printf("Traceability matrix: %d requirements (%d HIGH, %d MEDIUM, %d LOW risk), %d verified,"
                + " %d failed, %d not run, %d without test; %d tests from %d engine reports -> %s%n",
                matrix.rows().size(), matrix.count(Risk.Priority.HIGH), matrix.count(Risk.Priority.MEDIUM),
                matrix.count(Risk.Priority.LOW), matrix.count(RequirementStatus.VERIFIED),
                matrix.count(RequirementStatus.FAILED), matrix.count(RequirementStatus.NOT_RUN),
                matrix.count(RequirementStatus.NO_TEST), matrix.testCases(), matrix.reportFiles().size(),
                Path.of(args[2]).resolve(OUTPUTS.get(0)));
    }

    /**
     * Checks the tags, writes the three files and applies the gate; throws {@link TraceabilityException} on an
     * unknown id (before writing) or when the gate finds problems (after writing, so that the matrix shows them).
     */
    static TraceabilityMatrix generate(Path reactorRoot, Path catalogueFile, Path outputDir, Clock clock) {
        return generate(reactorRoot, catalogueFile, outputDir, clock, "unversioned");
    }

    /** As above; the validation documents of the release go beside the matrix ({@value ValidationDocuments#DIR}). */
    static TraceabilityMatrix generate(Path reactorRoot, Path catalogueFile, Path outputDir, Clock clock,
            String version) {
        Path root = reactorRoot.toAbsolutePath().normalize();
        Path catalogueAbs = catalogueFile.toAbsolutePath().normalize();
        String catalogueName = catalogueAbs.startsWith(root) ? root.relativize(catalogueAbs).toString()
                : catalogueAbs.toString();
        try {
            // a matrix left from an earlier run must not pass for this one if this one fails
            for (String output : OUTPUTS) {
                Files.deleteIfExists(outputDir.resolve(output));
            }
            RequirementCatalogue catalogue = RequirementCatalogue.read(catalogueAbs);
            Reports reports = EngineReports.read(root);
            TraceabilityMatrix.checkTags(catalogue, reports, catalogueName);
            TraceabilityMatrix matrix = TraceabilityMatrix.build(catalogue, reports);

            MatrixWriter writer = new MatrixWriter(matrix,
                    new Provenance(clock.instant(), GitInfo.commit(root).orElse(null), catalogueName));
            Files.createDirectories(outputDir);
            write(outputDir.resolve(OUTPUTS.get(0)), writer.html());
            write(outputDir.resolve(OUTPUTS.get(1)), writer.markdown());
            write(outputDir.resolve(OUTPUTS.get(2)), writer.csv());
            Path documents = outputDir.toAbsolutePath().getParent().resolve(ValidationDocuments.DIR);
            new ValidationDocuments(matrix, new Provenance(clock.instant(), GitInfo.commit(root).orElse(null),
                    catalogueName), version, root).write(documents);
            List<String> problems = matrix.gate();
            if (!problems.isEmpty()) {
                throw new TraceabilityException("The traceability gate failed (" + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s") + "; the matrix in " + outputDir + " shows them):\n  "
                        + String.join("\n  ", problems));
            }
            return matrix;
        } catch (IOException e) {
            throw new TraceabilityException("cannot write the traceability matrix to " + outputDir + ": " + e, e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** The checked-out commit, read from {@code .git} without running git; empty when that is not possible. */
    static final class GitInfo {

        private GitInfo() {
        }

        static Optional<String> commit(Path root) {
            try {
                Path git = root.resolve(".git");
                if (Files.isRegularFile(git)) {
                    String pointer = Files.readString(git).strip();
                    if (!pointer.startsWith("gitdir:")) {
                        return Optional.empty();
                    }
                    git = root.resolve(pointer.substring("gitdir:".length()).strip()).normalize();
                }
                if (!Files.isDirectory(git)) {
                    return Optional.empty();
                }
                Path common = git;
                if (Files.isRegularFile(git.resolve("commondir"))) {
                    common = git.resolve(Files.readString(git.resolve("commondir")).strip()).normalize();
                }
                String head = Files.readString(git.resolve("HEAD")).strip();
                if (!head.startsWith("ref:")) {
                    return Optional.of(head);
                }
                String ref = head.substring("ref:".length()).strip();
                String branch = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
                for (Path dir : List.of(git, common)) {
                    Path loose = dir.resolve(ref);
                    if (Files.isRegularFile(loose)) {
                        return Optional.of(Files.readString(loose).strip() + " (" + branch + ")");
                    }
                }
                Path packed = common.resolve("packed-refs");
                if (Files.isRegularFile(packed)) {
                    for (String line : Files.readAllLines(packed)) {
                        if (line.endsWith(" " + ref) && !line.startsWith("#")) {
                            return Optional.of(line.substring(0, line.indexOf(' ')) + " (" + branch + ")");
                        }
                    }
                }
                return Optional.of("no commit yet (" + branch + ")");
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
