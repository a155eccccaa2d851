package io.telephonyhook.orgs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.orgs.OrgsFile.OrgDefinition;
import io.telephonyhook.twilio.TwilioAccount;
import io.telephonyhook.twilio.TwilioStatusReports;

/**
 * Follows {@code HOOK_ORGS_FILE} while the hook runs: every {@value #EVERY_SECONDS} seconds it reads the file again
 * (and the secret files it names), and when what it says has changed, serves the new orgs without a restart. An org
 * whose entry is unchanged keeps its steps (its OAuth keys, its breakers); a changed or new one is made afresh; the
 * routes of a new Twilio account are added before any call can use them. Calls under way finish with the org they
 * started with, which is closed only after {@link #grace} (the call's deadline twice). A file with a mistake changes
 * nothing: the running orgs stay, and the refusal is logged once, in the same line the start would give, and counted
 * ({@code telephony_hook_orgs_reloads_total{outcome="refused"}}).
 */
final class OrgsFileWatch implements AutoCloseable {

    static final int EVERY_SECONDS = 2;
    private static final Logger log = LoggerFactory.getLogger(OrgsFileWatch.class);

    private final Path file;
    private final Function<String, String> environment;
    private final OrgFactory factory;
    private final OrgDirectory directory;
    private final TwilioStatusReports reports;
    private final List<TwilioAccount> hookAccounts;
    private final Duration grace;
    private final Counter applied;
    private final Counter refused;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "telephony-hook-orgs-file");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Org> retiring = new ArrayList<>();
    private List<OrgDefinition> current;
    private OrgRoutes routes;
    private String lastRefusal;
    /** The last reading that could not be served (null: none), so that it is not tried again at every poll. */
    private List<OrgDefinition> unusable;

    OrgsFileWatch(Path file, Function<String, String> environment, OrgFactory factory, OrgDirectory directory,
                  List<OrgDefinition> current, TwilioStatusReports reports, List<TwilioAccount> hookAccounts,
                  Duration grace, MeterRegistry meters) {
        this.file = file;
        this.environment = environment;
        this.factory = factory;
        this.directory = directory;
        this.current = current;
        this.reports = reports;
        this.hookAccounts = hookAccounts;
        this.grace = grace;
        this.applied = reloads(meters, "applied");
        this.refused = reloads(meters, "refused");
        useAccounts(directory.orgs());
        directory.watchedBy(this);
        timer.scheduleWithFixedDelay(this::check, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** From now on the orgs' own Twilio accounts have routes: those of the orgs served now at once. */
    synchronized void useRoutes(OrgRoutes orgRoutes) {
        this.routes = orgRoutes;
        orgRoutes.add(ownAccounts(directory.orgs()));
    }

    /** Reads the file again, and serves what it says if that changed; never throws (it runs on a timer). */
    synchronized void check() {
        List<OrgDefinition> read = null;
        try {
            read = OrgsFile.read(file, environment);
            if (!OrgsFile.same(read, current) && (unusable == null || !OrgsFile.same(read, unusable))) {
                apply(read);
            }
            lastRefusal = null;
        } catch (InvalidSettingsException mistake) {
            unusable = read; // an org the file describes that cannot be made: not tried again until the file changes
            if (!mistake.getMessage().equals(lastRefusal)) {
                lastRefusal = mistake.getMessage();
                refused.increment();
                log.warn("{} (the orgs stay as they were)", mistake.getMessage());
            }
        } catch (RuntimeException unexpected) {
            unusable = read; // logged once, and its orgs not built again every poll
            log.error("Could not serve the changed {}: the orgs stay as they were", OrgsFile.VARIABLE, unexpected);
        }
    }

    private void apply(List<OrgDefinition> read) {
        Map<String, Org> before = directory.orgs().stream().collect(Collectors.toMap(Org::getId, org -> org));
        List<Org> served = new ArrayList<>();
        List<Org> made = new ArrayList<>();
        try {
            for (OrgDefinition definition : read) {
                Org same = before.get(definition.id());
                if (same != null && same.definition().sameAs(definition)) {
                    served.add(same);
                } else {
                    Org org = factory.create(definition);
                    made.add(org);
                    served.add(org);
                }
            }
            if (routes != null) {
                routes.add(ownAccounts(served));
            }
        } catch (RuntimeException unusable) {
            made.forEach(OrgsFileWatch::closeQuietly);
            throw unusable;
        }
        List<Org> gone = before.values().stream().filter(org -> !served.contains(org)).toList();
        List<Org> both = new ArrayList<>(served);
        both.addAll(gone);
        useAccounts(both); // the retiring orgs' reports still count until they are closed
        directory.replace(served);
        current = read;
        applied.increment();
        log.info("{} {} changed: now serving {} (new or changed: {}; removed: {})", OrgsFile.VARIABLE, file,
                ids(served), ids(made), ids(before.values().stream().filter(org -> read.stream()
                        .noneMatch(definition -> definition.id().equals(org.getId()))).toList()));
        retiring.addAll(gone);
        timer.schedule(() -> retire(gone), grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** After the grace: the replaced orgs' calls are over; their own accounts' routes go unless still named. */
    private synchronized void retire(List<Org> gone) {
        gone.forEach(OrgsFileWatch::closeQuietly);
        retiring.removeAll(gone);
        try {
            Set<String> unused = ownAccounts(gone);
            unused.removeAll(ownAccounts(directory.orgs()));
            if (routes != null) {
                routes.remove(unused);
            }
        } catch (RuntimeException unremoved) { // on the timer's thread, where nothing else would say it
            log.warn("Could not remove the routes of {}'s accounts: {}", ids(gone), unremoved.toString());
        } finally {
            useAccounts(directory.orgs());
        }
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        retiring.forEach(OrgsFileWatch::closeQuietly);
        retiring.clear();
    }

    /** Twilio's status reports are taken from these orgs' accounts and the hook's (none: the host has its own step). */
    private void useAccounts(Collection<Org> orgs) {
        if (reports != null) {
            List<TwilioAccount> accounts = new ArrayList<>(hookAccounts);
            orgs.forEach(org -> accounts.addAll(org.twilioAccounts()));
            reports.useAccounts(accounts);
        }
    }

    private static Set<String> ownAccounts(Collection<Org> orgs) {
        Set<String> names = new LinkedHashSet<>();
        orgs.forEach(org -> names.addAll(org.ownAccounts()));
        return names;
    }

    private static String ids(Collection<Org> orgs) {
        return orgs.isEmpty() ? "none" : orgs.stream().map(Org::getId).collect(Collectors.joining(", "));
    }

    private static Counter reloads(MeterRegistry meters, String outcome) {
        return Counter.builder("telephony.hook.orgs.reloads")
                .description("Changes of HOOK_ORGS_FILE, served (applied) or refused for a mistake (the orgs stayed)")
                .tag("outcome", outcome)
                .register(meters);
    }

    private static void closeQuietly(Org org) {
        try {
            org.close();
        } catch (Exception unexpected) {
            log.warn("Could not close {}: {}", org, unexpected.getClass().getName());
        }
    }
}
