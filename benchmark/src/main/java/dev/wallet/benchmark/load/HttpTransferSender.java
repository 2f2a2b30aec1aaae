package dev.wallet.benchmark.load;

import dev.wallet.benchmark.workload.PlannedTransfer;
import dev.wallet.schemas.money.MinorUnits;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * HTTP mode: {@code POST /v1/wallet/balance_transfer} over plain Netty HTTP/1.1 on one event-loop
 * thread, many requests in flight, one kept-alive connection each (the API answers after the
 * outcome, so a connection carries one request at a time; idle connections are reused, newest
 * first). The answer is counted by status (200, 202, ...); the outcome and its latency still come
 * from {@code wallet.transfer-events}, as in pipeline mode, so both modes measure the same thing. An
 * answer that wrote nothing (400, 409, 503), a refused or closed connection and no answer within the
 * request timeout end the transfer as a send error.
 *
 * <p>The generator shares the machine's cores with the stack it measures, so its own cost per
 * request is kept small: everything but building the request runs on the event loop, which alone
 * touches the idle connections, and nothing is assembled per request beyond the request itself
 * and one timeout. Until 25 Nov 2026 this used the JDK's {@code HttpClient} (about 300 µs of CPU
 * per request, more than the API itself), then until 28 Nov 2026 Reactor Netty's client
 * (docs/benchmarks.md, "A plain Netty client for HTTP mode").
 */
public final class HttpTransferSender implements TransferSender {

    private static final String PATH = "/v1/wallet/balance_transfer";

    private final EventLoopGroup loop;
    private final Bootstrap bootstrap;
    private final InetSocketAddress address;
    private final String host;
    private final long timeoutNanos;
    private final OutcomeTracker tracker;
    /** The exchanges of kept-alive connections with no request in flight; touched on the event loop only. */
    private final ArrayDeque<Exchange> idle = new ArrayDeque<>();

    public HttpTransferSender(final String apiBaseUrl, final OutcomeTracker tracker, final Duration requestTimeout) {
        final URI base = URI.create(apiBaseUrl);
        this.address = new InetSocketAddress(base.getHost(), base.getPort() == -1 ? 80 : base.getPort());
        this.host = base.getHost() + ":" + address.getPort();
        this.timeoutNanos = requestTimeout.toNanos();
        this.tracker = tracker;
        final boolean epoll = Epoll.isAvailable();
        final IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("benchmark-http", true), io);
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(final SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new Exchange(channel));
                    }
                });
    }

    @Override
    public String mode() {
        return "http";
    }

    /** The request body the API expects; the amount as a decimal string in the currency's scale. */
    static String body(final PlannedTransfer transfer) {
        return "{\"from_account\":\"" + transfer.fromAccount()
                + "\",\"to_account\":\"" + transfer.toAccount()
                + "\",\"amount\":\"" + MinorUnits.toDecimalString(transfer.amountMinor(), transfer.currency())
                + "\",\"currency\":\"" + transfer.currency()
                + "\",\"transaction_id\":\"" + transfer.transactionId() + "\"}";
    }

    @Override
    public void send(final PlannedTransfer transfer, final long dueNanos, final StepStats step) {
        tracker.expect(transfer.transactionId(), dueNanos, step);
        step.onSent(dueNanos);
        final Request request = new Request(transfer, step, request(body(transfer)));
        loop.execute(() -> dispatch(request));
    }

    private FullHttpRequest request(final String body) {
        final ByteBuf content = ByteBufUtil.writeUtf8(PooledByteBufAllocator.DEFAULT, body);
        final FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, PATH, content);
        request.headers()
                .set(HttpHeaderNames.HOST, host)
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        return request;
    }

    /** On the event loop: the newest idle connection that is still open, else a new one. */
    private void dispatch(final Request request) {
        Exchange exchange = idle.pollLast();
        while (exchange != null && !exchange.channel.isActive()) {
            exchange = idle.pollLast();
        }
        if (exchange != null) {
            exchange.begin(request);
            return;
        }
        bootstrap.connect(address).addListener((ChannelFuture connected) -> {
            if (connected.isSuccess()) {
                connected.channel().pipeline().get(Exchange.class).begin(request);
            } else {
                request.http.release();
                answered(request, 0, kind(connected.cause()));
            }
        });
    }

    private void answered(final Request request, final int status, final String kind) {
        final boolean written = status == 200 || status == 202;
        // An answer that wrote nothing ends the transfer, unless its outcome has already come.
        if (!written && tracker.forget(request.transfer.transactionId())) {
            request.step.onSendFailed(kind);
        } else {
            request.step.onAnswer(kind);
        }
    }

    /** A failed send's kind: {@code http_} and the root cause's class, any refused connection as {@code ConnectException}. */
    private static String kind(final Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return "http_" + (cause instanceof ConnectException ? "ConnectException" : cause.getClass().getSimpleName());
    }

    @Override
    public void close() {
        loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One transfer's POST, and where its answer is counted. */
    private record Request(PlannedTransfer transfer, StepStats step, FullHttpRequest http) {
    }

    /**
     * One connection's request in flight: answered once, by the response's status, the connection's
     * close or the timeout, whichever comes first. A kept-alive connection goes back to the idle ones.
     */
    private final class Exchange extends ChannelInboundHandlerAdapter {

        private final Channel channel;
        private Request current;
        private int status;
        private boolean keepAlive;
        private ScheduledFuture<?> timeout;

        Exchange(final Channel channel) {
            this.channel = channel;
        }

        void begin(final Request request) {
            current = request;
            status = 0;
            timeout = channel.eventLoop().schedule(() -> fail("http_ReadTimeoutException"),
                    timeoutNanos, TimeUnit.NANOSECONDS);
            channel.writeAndFlush(request.http).addListener((ChannelFuture written) -> {
                if (!written.isSuccess()) {
                    fail(kind(written.cause()));
                }
            });
        }

        @Override
        public void channelRead(final ChannelHandlerContext context, final Object message) {
            try {
                if (message instanceof HttpResponse response) {
                    status = response.status().code();
                    keepAlive = HttpUtil.isKeepAlive(response);
                }
                if (message instanceof LastHttpContent && current != null) {
                    final Request request = end();
                    if (keepAlive && channel.isActive()) {
                        idle.addLast(this);
                    } else {
                        channel.close();
                    }
                    answered(request, status, "http_" + status);
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext context) {
            fail("http_ConnectionClosed");
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext context, final Throwable cause) {
            fail(kind(cause));
        }

        /** Ends the request in flight, if any, as a send error and closes the connection. */
        private void fail(final String kind) {
            if (current != null) {
                final Request request = end();
                answered(request, 0, kind);
            }
            channel.close();
        }

        private Request end() {
            final Request request = current;
            current = null;
            timeout.cancel(false);
            return request;
        }
    }
}
