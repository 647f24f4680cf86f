package dev.kagentmaven.core.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link CoreBenchmark} with JMH's allocation profiler and prints a Markdown summary: time per
 * repository, emitted objects per second and bytes allocated per Agent. Arguments are JMH's own
 * ({@code -p agents=10000}, {@code -wi 1}, {@code -i 3}, a benchmark regex, ...).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder b = new OptionsBuilder().parent(cli).addProfiler(GCProfiler.class);
        if (cli.getIncludes().isEmpty()) {
            b.include(CoreBenchmark.class.getName());
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        List<String> rows = new ArrayList<>();
        rows.add("| benchmark | agents | ms per repository | objects/s | allocated per Agent |");
        rows.add("|---|---:|---:|---:|---:|");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            int agents = Integer.parseInt(r.getParams().getParam("agents"));
            Result<?> primary = r.getPrimaryResult();
            Result<?> objects = r.getSecondaryResults().get("objects");
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            double ms = 1000 / primary.getScore();
            double msError = ms * primary.getScoreError() / primary.getScore();
            rows.add(String.format(Locale.ROOT, "| %s | %d | %.1f ± %.1f | %s | %s |", name, agents, ms, msError,
                    objects == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", objects.getScore()),
                    alloc == null ? "n/a" : String.format(Locale.ROOT, "%,.0f KB", alloc.getScore() / agents / 1024)));
        }
        System.out.println();
        System.out.println(String.join("\n", rows));
    }
}
