package dev.wallet.api.support;

import dev.wallet.api.CommandApiApplication;
import dev.wallet.api.kafka.TopicTail;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The command API started as a whole application on an ephemeral port. */
public final class RunningApi implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final WebTestClient client;
    private final String baseUrl;

    private RunningApi(final ConfigurableApplicationContext context) {
        this.context = context;
        final int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = "http://127.0.0.1:" + port;
        this.client = WebTestClient.bindToServer()
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Starts the API against {@code bootstrap} with extra properties, without waiting for Kafka. */
    public static RunningApi start(final String bootstrap, final Map<String, Object> properties) {
        final Map<String, Object> all = new HashMap<>();
        all.put("server.port", "0");
        all.put("spring.kafka.bootstrap-servers", bootstrap);
        all.put("wallet.api.status-base-url", "http://status.example:8081");
        all.putAll(properties);
        // As command-line arguments: they outrank application.properties (server.port=8080).
        final String[] arguments = all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        final ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandApiApplication.class)
                .run(arguments);
        return new RunningApi(context);
    }

    /** Starts the API and waits (bounded) until both event tails follow their topics. */
    public static RunningApi startReady(final String bootstrap, final Map<String, Object> properties) {
        final RunningApi api = start(bootstrap, properties);
        try {
            Awaitility.await("event tails positioned").atMost(Duration.ofSeconds(30))
                    .until(api::tailsReady);
            return api;
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }

    private boolean tailsReady() {
        return context.getBeansOfType(TopicTail.class).values().stream().allMatch(TopicTail::isReady);
    }

    /** The API's tail of {@code wallet.account-events}, which answers account opens. */
    public TopicTail<?> accountEventsTail() {
        return context.getBean("accountEventsTail", TopicTail.class);
    }

    /** Where the API listens, e.g. {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** A client of this API. */
    public WebTestClient client() {
        return client;
    }

    @Override
    public void close() {
        context.close();
    }
}
