import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * bin/ebr benchmark-api, part one: what one password check costs on this machine, PBKDF2 as
 * OpenEBR hashes today against Argon2id (BouncyCastle) at the OWASP minimum and a stronger
 * setting. Prints the median CPU time per hash (robust on a shared, loaded machine), the median
 * wall-clock time, and the memory one hash allocates: for Argon2id one block of m held for the
 * whole hash, so a server checking k passwords at once needs k times m; for PBKDF2 short-lived
 * garbage. Run with bcprov on the class path:
 * {@code java -cp bcprov-jdk18on.jar PasswordHashBenchmark.java}.
 */
public final class PasswordHashBenchmark {

    private static final int WARM_UP = 2;
    private static final int MEASURED = 7;
    private static final char[] PASSWORD = "weigh the API twice, fill once".toCharArray();

    interface Hash {
        byte[] run(byte[] salt) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Password hashing, %d cores, Java %s, median of %d after %d warm-up%n%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), MEASURED, WARM_UP);
        System.out.printf("%-40s %12s %12s %14s %14s%n", "algorithm (parameters)", "CPU ms/hash", "wall ms/hash",
                "hashes/s/core", "MiB allocated");
        measure("PBKDF2-HMAC-SHA256 (600,000 iterations)", salt -> {
            PBEKeySpec spec = new PBEKeySpec(PASSWORD, salt, 600_000, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        });
        measure("Argon2id (m=19 MiB, t=2, p=1; OWASP min)", salt -> argon2(salt, 19 * 1024, 2, 1));
        measure("Argon2id (m=46 MiB, t=1, p=1; OWASP)", salt -> argon2(salt, 46 * 1024, 1, 1));
        measure("Argon2id (m=64 MiB, t=3, p=1)", salt -> argon2(salt, 64 * 1024, 3, 1));
    }

    private static byte[] argon2(byte[] salt, int memoryKiB, int iterations, int parallelism) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKiB).withIterations(iterations).withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[32];
        generator.generateBytes(PASSWORD, hash);
        return hash;
    }

    private static void measure(String name, Hash hash) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        for (int i = 0; i < WARM_UP; i++) {
            hash.run(salt);
        }
        long[] cpu = new long[MEASURED];
        long[] wall = new long[MEASURED];
        long allocated = 0;
        for (int i = 0; i < MEASURED; i++) {
            long before = threads.getThreadAllocatedBytes(thread);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            hash.run(salt);
            wall[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpu0;
            allocated += threads.getThreadAllocatedBytes(thread) - before;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        double cpuMs = cpu[MEASURED / 2] / 1e6;
        System.out.printf("%-40s %12.1f %12.1f %14.1f %14.1f%n", name, cpuMs, wall[MEASURED / 2] / 1e6, 1000 / cpuMs,
                allocated / (double) MEASURED / (1 << 20));
    }
}
