package dev.kagentmaven.it;

/**
 * The Maven installations every IT runs on, unpacked by {@code maven-dependency-plugin} in
 * {@code pre-integration-test} (versions: {@code it.maven.oldest.version}, {@code it.maven.version}
 * and {@code it.maven4.version} in the parent POM; keep these paths in sync).
 */
final class MavenDistributions {

    /** The oldest Maven the plugin supports ({@code <prerequisites>}). */
    static final String OLDEST = "target/maven-installation/apache-maven-3.6.3";

    /** The Maven the wrapper pins. */
    static final String WRAPPER = "target/maven-installation/apache-maven-3.9.16";

    /** The newest Maven 4 release candidate on Central. */
    static final String MAVEN4 = "target/maven-installation/apache-maven-4.0.0-rc-4";

    private MavenDistributions() {
    }
}
