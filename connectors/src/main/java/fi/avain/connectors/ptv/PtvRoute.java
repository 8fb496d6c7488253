package fi.avain.connectors.ptv;

import fi.avain.connectors.HttpConnectorRoute;
import fi.avain.connectors.ResponseBody;

/**
 * PTV Open API v11 transport: {@code direct:ptv-guid-page} (headers {@link PtvHeaders}) answers the
 * GUID page as a JsonNode; {@code direct:ptv-list} takes a List of at most 100 guids and answers
 * the items as a List of {@link PtvItem}.
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

        from("direct:ptv-list").routeId("ptv-list")
                .process(PtvRequests::list)
                .to(httpCall())
                .setBody(PtvRequests::items);
    }
}
