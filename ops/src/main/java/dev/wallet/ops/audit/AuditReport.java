package dev.wallet.ops.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command found: figures (accounts, events, sums...), notes (what was compared, what was
 * skipped and why) and the violations. Printed as readable text or as JSON.
 */
public final class AuditReport {

    private final String title;
    private final Findings findings;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public AuditReport(final String title, final Findings findings) {
        this.title = title;
        this.findings = findings;
    }

    /** Adds a figure (kept in insertion order). */
    public void figure(final String name, final Object value) {
        figures.put(name, value);
    }

    /** Adds a note: what was compared or skipped, and why. */
    public void note(final String note) {
        notes.add(note);
    }

    public Findings findings() {
        return findings;
    }

    public Map<String, Object> figures() {
        return figures;
    }

    public List<String> notes() {
        return notes;
    }

    /** Whether no violation was found. */
    public boolean passed() {
        return findings.isEmpty();
    }

    /** Prints the readable report. */
    public void printText(final PrintStream out) {
        out.println();
        out.println("== " + title + " ==");
        figures.forEach((name, value) -> out.println("  " + name + ": " + value));
        notes.forEach(note -> out.println("  note: " + note));
        if (findings.isEmpty()) {
            out.println("RESULT: PASSED, no violation found.");
            return;
        }
        out.println("Violations (" + findings.total() + "; at most " + Findings.KEPT_MAX + " listed per rule):");
        findings.kept().forEach(violation -> out.println("  " + violation.line()));
        out.println("Violations per rule: " + findings.counts());
        out.println("RESULT: FAILED, " + findings.total() + " violation(s).");
    }

    /** Prints the report as one JSON document. */
    public void printJson(final PrintStream out) {
        final Map<String, Object> document = new LinkedHashMap<>();
        document.put("report", title);
        document.put("passed", passed());
        document.put("figures", figures);
        document.put("notes", notes);
        document.put("violation_counts", findings.counts());
        document.put("violations", findings.kept().stream().map(violation -> {
            final Map<String, Object> one = new LinkedHashMap<>();
            one.put("rule", violation.rule().name());
            one.put("subject", violation.subject());
            one.put("where", violation.where());
            one.put("detail", violation.detail());
            return one;
        }).toList());
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report as JSON.", e);
        }
    }
}
