package fi.avain.connectors.ptv;

import fi.avain.connectors.ConnectorException;
import fi.avain.connectors.HttpConnectorRoute;
import fi.avain.connectors.ResponseBody;
import java.util.List;

/**
 * PTV Open API v11 transport: {@code direct:ptv-guid-page} (headers {@link PtvHeaders}) answers the
 * GUID page as a JsonNode; {@code direct:ptv-list} takes a List of at most 100 guids and answers
 * the items as a List of {@link PtvItem}, empty when none of them is published.
 */
public final class PtvRoute extends HttpConnectorRoute {
    public PtvRoute(PtvSettings settings) {
        super(settings.httpCall());
    }

    @Override
    protected void configureOperations() {
        from("direct:ptv-guid-page").routeId("ptv-guid-page")
                .process(PtvRequests::guidPage)
                .to(httpCall())
                .setBody(exchange -> ResponseBody.json(system(), exchange));

        // PTV answers a list none of whose guids has a published version with 404, as it does for
        // every archived or withdrawn item: nothing published, not a failure.
        from("direct:ptv-list").routeId("ptv-list")
                .process(PtvRequests::list)
                .doTry()
                    .to(httpCall())
                    .setBody(PtvRequests::items)
                .doCatch(ConnectorException.class)
                    .onWhen(exchange -> ConnectorException.caughtWithStatus(exchange, 404))
                    .setBody(exchange -> List.<PtvItem>of())
                .end();
    }
}
