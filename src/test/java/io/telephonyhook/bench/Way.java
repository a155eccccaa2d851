package io.telephonyhook.bench;

/**
 * The ways a target is started: the hook's documented fast start, the hook's plain jar, the floor, and Okta's Node
 * sample (the peer). Each names the target its figures are reported under, and the figure its start-up goes to, so
 * the fast start and the plain jar land in the hook's column as two rows.
 */
enum Way {
    FAST_START(BenchReport.HOOK, "startupSeconds"),
    JAR(BenchReport.HOOK, "plainJarStartupSeconds"),
    FLOOR(BenchReport.FLOOR, "startupSeconds"),
    PEER(BenchReport.PEER, "startupSeconds");

    final String target;
    final String startupFigure;

    Way(String target, String startupFigure) {
        this.target = target;
        this.startupFigure = startupFigure;
    }
}
