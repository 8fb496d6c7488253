package fi.avain.connectors.voucher;

import fi.avain.connectors.simulator.FaultRules;
import fi.avain.connectors.simulator.StandaloneSimulator;
import fi.avain.connectors.voucher.SimulatedVouchers.Voucher;
import fi.avain.connectors.voucher.system.VoucherSystemPort;
import fi.avain.connectors.voucher.system.VoucherSystemService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.logging.NoOpFaultListener;

/**
 * A fake of the service-voucher system: a real CXF SOAP service on a loopback port implementing
 * {@link VoucherSystemPort}, with vouchers in memory (numbers {@code PS-<year>-<running number>}),
 * the X-Road headers checked and echoed, injectable faults and delays, and counts of the calls it
 * received per operation and per X-Road id. {@link #events(String)} sends the voucher system's
 * side of the story (acceptance, service events) back to Avain.
 */
public final class VoucherSystemSimulator implements AutoCloseable {
    /** The voucher system's X-Road subsystem in the sandbox. */
    public static final XRoadIdentity SANDBOX_IDENTITY = new XRoadIdentity("FI-TEST", "COM", "7654321-2", "palveluseteli");
    /** Avain's X-Road subsystem in the sandbox, the only client the simulator serves unless told otherwise. */
    public static final XRoadIdentity SANDBOX_AVAIN = new XRoadIdentity("FI-TEST", "GOV", "1234567-1", "avain");
    public static final String PATH = "/soap/voucher-system";
    private static final Duration MAX_SLOW_DELAY = Duration.ofMinutes(1);
    private static final Duration EVENTS_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration EVENTS_READ_TIMEOUT = Duration.ofSeconds(10);

    private final XRoadIdentity self;
    private final XRoadIdentity avain;
    private final SimulatedVouchers vouchers;
    private final FaultRules<VoucherSystemFault> faults = new FaultRules<>();
    private final Map<String, LongAdder> callsByOperation = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> callsByXRoadId = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Duration slowDelay = Duration.ofSeconds(5);
    private volatile LoopbackSoapServer server;

    private VoucherSystemSimulator(XRoadIdentity self, XRoadIdentity avain, Clock clock) {
        this.self = self;
        this.avain = avain;
        this.vouchers = new SimulatedVouchers(clock);
    }

    /** Starts a simulator with the sandbox identities on a free loopback port. */
    public static VoucherSystemSimulator start() {
        return start(SANDBOX_IDENTITY, SANDBOX_AVAIN, Clock.systemUTC(), 0);
    }

    /**
     * @param self the voucher system's X-Road identity, which a request's {@code service} header must name
     * @param avain the only X-Road client served
     * @param port a port, or 0 for a free one
     */
    public static VoucherSystemSimulator start(XRoadIdentity self, XRoadIdentity avain, Clock clock, int port) {
        VoucherSystemSimulator simulator = new VoucherSystemSimulator(self, avain, clock);
        simulator.server = LoopbackSoapServer.start(port, PATH, simulator::describe);
        return simulator;
    }

    /**
     * Runs a simulator in its own JVM:
     * {@code --port=P --self=FI-TEST/COM/7654321-2/palveluseteli --avain=FI-TEST/GOV/1234567-1/avain}.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(StandaloneSimulator.option(args, "port", "0"));
        XRoadIdentity self = XRoadIdentity.parse(StandaloneSimulator.option(args, "self", SANDBOX_IDENTITY.toString()));
        XRoadIdentity avain = XRoadIdentity.parse(StandaloneSimulator.option(args, "avain", SANDBOX_AVAIN.toString()));
        VoucherSystemSimulator simulator = start(self, avain, Clock.systemUTC(), port);
        StandaloneSimulator.serveUntilStopped(simulator, simulator.baseUrl());
    }

    /** {@code http://127.0.0.1:<port>/soap/voucher-system}: Avain's {@code avain.connectors.voucher.base-url}. */
    public String baseUrl() {
        return server.url();
    }

    public XRoadIdentity identity() {
        return self;
    }

    /** The next {@code times} calls of any operation get {@code fault}. */
    public void failNext(int times, VoucherSystemFault fault) {
        faults.add("", times, fault);
    }

    /** The next {@code times} calls of {@code operation} ({@code issueVoucher}, …) get {@code fault}. */
    public void failNext(String operation, int times, VoucherSystemFault fault) {
        faults.add(operation, times, fault);
    }

    /** Every call of {@code operation} gets {@code fault}, until cleared; {@code ""} for every operation. */
    public void failAlways(String operation, VoucherSystemFault fault) {
        faults.addUnlimited(operation, fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** How long a {@link VoucherSystemFault#SLOW} call is held back (at most a minute). */
    public void slowDelay(Duration delay) {
        slowDelay = delay.compareTo(MAX_SLOW_DELAY) > 0 ? MAX_SLOW_DELAY : delay;
    }

    /** Calls received of {@code operation}, faulted and refused ones included. */
    public long calls(String operation) {
        LongAdder count = callsByOperation.get(operation);
        return count == null ? 0 : count.sum();
    }

    /** Calls received with this X-Road message id, whatever the operation. */
    public long callsWithXRoadId(String xroadId) {
        LongAdder count = callsByXRoadId.get(xroadId);
        return count == null ? 0 : count.sum();
    }

    /** Vouchers issued so far. */
    public int voucherCount() {
        return vouchers.size();
    }

    /** The voucher system's number for a voucher, if it was issued here. */
    public Optional<String> voucherNumber(String voucherId) {
        return vouchers.lookup(voucherId).map(Voucher::voucherNumber);
    }

    /**
     * A sender of this voucher system's events to Avain's {@code /soap/vouchers} at {@code avainUrl},
     * with this simulator's identity as the X-Road client. The caller closes it.
     */
    public VoucherEventsSender events(String avainUrl) {
        return new VoucherEventsSender(avainUrl, self, avain, "v1", EVENTS_CONNECT_TIMEOUT, EVENTS_READ_TIMEOUT);
    }

    @Override
    public void close() {
        closing.countDown();
        server.close();
    }

    /** Counts a call that reached an operation, then picks its fault, if any. */
    Optional<VoucherSystemFault> received(String operation, String xroadId) {
        callsByOperation.computeIfAbsent(operation, key -> new LongAdder()).increment();
        if (xroadId != null) {
            callsByXRoadId.computeIfAbsent(xroadId, key -> new LongAdder()).increment();
        }
        return faults.next(operation);
    }

    /** Holds a slow call back; returns at once when the simulator closes. */
    void holdBack() {
        try {
            closing.await(slowDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void describe(JaxWsServerFactoryBean service) {
        service.setServiceClass(VoucherSystemPort.class);
        service.setServiceBean(new VoucherSystemEndpoint(vouchers, self, avain));
        service.setWsdlURL("classpath:wsdl/voucher-system.wsdl");
        service.setServiceName(VoucherSystemService.SERVICE);
        service.setEndpointName(VoucherSystemService.VoucherSystemPortSoap11);
        service.getInInterceptors().add(new VoucherSystemFaults(this));
        // Injected faults and refusals are the simulator doing its job, not errors worth a stack trace.
        service.getProperties(true).put(FaultListener.class.getName(), new NoOpFaultListener());
    }
}
