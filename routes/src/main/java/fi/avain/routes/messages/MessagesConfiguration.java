package fi.avain.routes.messages;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessageStoreSettings.class)
class MessagesConfiguration {
}
