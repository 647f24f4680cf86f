package dev.kagentmaven.core.bench;

import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.ManifestRenderer;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Result;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.Translator;
import dev.kagentmaven.core.io.Document;
import dev.kagentmaven.core.io.YamlDocuments;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmark of the core over {@link AgentRepoGenerator} inputs. One operation is one whole
 * repository of {@code agents} Agents (the score is repositories per second); the {@code objects}
 * counter is the number of Kubernetes objects handled per second:
 * <ul>
 *   <li>{@link #parse}: every source read into documents (input documents per second);</li>
 *   <li>{@link #translate}: {@link Translator#translate} — parse, index, input checks, translation,
 *       output validation (emitted objects per second);</li>
 *   <li>{@link #serialise}: {@link ManifestRenderer#render(List)} of every manifest's fabric8 objects
 *       (fabric8 → JSON tree → Go shape → sorted keys → YAML, nothing precomputed);</li>
 *   <li>{@link #generate}: translate, then render every manifest — the core work of
 *       {@code kagent:generate}.</li>
 * </ul>
 * Run with {@code ./mvnw -B -ntp -pl core -Pbench test} ({@link BenchMain} adds the allocation
 * profiler and prints objects per second and allocation per Agent).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xms512m"})
@State(Scope.Benchmark)
public class CoreBenchmark {

    @Param({"100", "1000"})
    public int agents;

    private List<Source> sources;
    private Options options;
    private List<Manifest> manifests;
    /** Objects one translation emits (counted once in setup: {@link Manifest#objects()} would parse the text). */
    private long emitted;

    /** Emitted (or, for parse, read) objects of one operation, reported per second by JMH. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Objects {
        public long objects;

        @Setup(Level.Iteration)
        public void reset() {
            objects = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        sources = sources(agents);
        options = Options.builder().build();
        Result r = Translator.translate(sources, options);
        if (r.hasErrors()) {
            throw new IllegalStateException("generated inputs do not translate: " + r.errors());
        }
        manifests = new ArrayList<>();
        emitted = 0;
        for (Manifest m : r.manifests()) {
            // serialise measures rendering objects a caller holds: build such manifests once, here
            manifests.add(new Manifest(m.kind(), m.namespace(), m.name(), m.objects()));
            emitted += m.objects().size();
        }
    }

    /** The generated repository as sources, in path order. */
    public static List<Source> sources(int agents) {
        List<Source> out = new ArrayList<>();
        for (Map.Entry<String, String> f : AgentRepoGenerator.files(agents).entrySet()) {
            out.add(new Source(f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Benchmark
    public void parse(Objects counter, Blackhole bh) {
        for (Source s : sources) {
            List<Document> docs = YamlDocuments.read(s, new ArrayList<>());
            counter.objects += docs.size();
            bh.consume(docs);
        }
    }

    @Benchmark
    public Result translate(Objects counter) {
        Result r = Translator.translate(sources, options);
        counter.objects += emitted;
        return r;
    }

    @Benchmark
    public void serialise(Objects counter, Blackhole bh) {
        for (Manifest m : manifests) {
            bh.consume(ManifestRenderer.render(m.objects()));
            counter.objects += m.objects().size();
        }
    }

    @Benchmark
    public void generate(Objects counter, Blackhole bh) {
        Result r = Translator.translate(sources, options);
        for (Manifest m : r.manifests()) {
            bh.consume(ManifestRenderer.renderBytes(m));
        }
        counter.objects += emitted;
    }
}
