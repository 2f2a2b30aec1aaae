package dev.wallet.api.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds RFC 9457 {@code application/problem+json} answers. An invalid-input problem names the
 * first broken field and rule at the top level ({@code field}, {@code rule}) and lists every
 * violation under {@code violations}.
 */
public final class Problems {

    /** Problem type of invalid input. */
    public static final URI INVALID_INPUT = URI.create("https://wallet.dev/problems/invalid-input");
    /** Problem type of a transaction_id reused with a different body. */
    public static final URI TRANSFER_CONFLICT = URI.create("https://wallet.dev/problems/transaction-id-conflict");
    /** Problem type of an account that exists with other attributes. */
    public static final URI ACCOUNT_CONFLICT = URI.create("https://wallet.dev/problems/account-conflict");
    /** Problem type of a request that cannot be taken now (Kafka unreachable, limits reached). */
    public static final URI UNAVAILABLE = URI.create("https://wallet.dev/problems/unavailable");
    /** Problem type of an unknown transfer on the SSE resource. */
    public static final URI NOT_FOUND = URI.create("https://wallet.dev/problems/not-found");

    private Problems() {
    }

    /** 400 for input that broke the given rules. */
    public static ResponseEntity<ProblemDetail> invalidInput(final List<Violation> violations) {
        final Violation first = violations.get(0);
        final ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid input",
                first.field() + ": " + first.message());
        problem.setProperty("field", first.field());
        problem.setProperty("rule", first.rule());
        problem.setProperty("violations", violations.stream()
                .map(v -> Map.of("field", v.field(), "rule", v.rule(), "message", v.message()))
                .toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** 503 with Retry-After when {@code waitingMax} requests wait for their outcome already; nothing was written. */
    public static ResponseEntity<ProblemDetail> overloaded(final int waitingMax, final Duration retryAfter) {
        return unavailable(waitingMax + " requests wait for their outcome already; nothing was written", retryAfter);
    }

    /**
     * 503 with Retry-After: the request was not taken, or Kafka did not confirm it in time (then it
     * may still land); either way the client may retry with the same request, which is idempotent.
     */
    public static ResponseEntity<ProblemDetail> unavailable(final String detail, final Duration retryAfter) {
        final ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE,
                "Service unavailable", detail);
        final long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** 409 with extra properties. */
    public static ResponseEntity<ProblemDetail> conflict(final URI type, final String title, final String detail,
                                                         final Map<String, Object> properties) {
        final ProblemDetail problem = problem(HttpStatus.CONFLICT, type, title, detail);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** 404 with extra properties. */
    public static ResponseEntity<ProblemDetail> notFound(final String detail, final Map<String, Object> properties) {
        final ProblemDetail problem = problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", detail);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ProblemDetail problem(final HttpStatus status, final URI type, final String title,
                                         final String detail) {
        final ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
