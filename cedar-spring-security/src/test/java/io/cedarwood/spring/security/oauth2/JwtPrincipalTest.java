package io.cedarwood.spring.security.oauth2;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens signed here, checked by the resource server, their claims read by Cedar's policies. */
@SpringBootTest(classes = JwtApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "cedar.policies=classpath:oauth2/policies.cedar",
                "cedar.principal.claims.attributes.department=dept", "cedar.principal.claims.attributes.level=level",
                "cedar.principal.claims.parents.Group=groups"})
class JwtPrincipalTest {
    @Value("${local.server.port}")
    int port;

    static String token(PrivateKey key, Map<String, Object> claims) throws JOSEException {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().subject("alice").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.forEach(b::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), b.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    int status(String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/docs/1"))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    int status(Map<String, Object> claims) throws Exception {
        return status(token(JwtApplication.KEYS.getPrivate(), claims));
    }

    @Test
    void claimsGiveTheGroupAndTheAttributesThePolicyAsksFor() throws Exception {
        assertThat(status(Map.of("groups", List.of("sales", "engineering"), "dept", "R&D", "level", 3))).isEqualTo(200);
    }

    @Test
    void withoutTheGroupOrAnAttributeTheRequestIsDenied() throws Exception {
        assertThat(status(Map.of("groups", List.of("sales"), "dept", "R&D", "level", 3))).isEqualTo(403);
        assertThat(status(Map.of("groups", List.of("engineering"), "dept", "R&D", "level", 2))).isEqualTo(403);
        assertThat(status(Map.of("groups", List.of("engineering"), "level", 5))).isEqualTo(403);
    }

    @Test
    void aTokenSignedWithAnotherKeyOrNoTokenIsUnauthenticated() throws Exception {
        String forged = token(JwtApplication.rsa().getPrivate(),
                Map.of("groups", List.of("engineering"), "dept", "R&D", "level", 3));
        assertThat(status(forged)).isEqualTo(401);
        assertThat(status((String) null)).isEqualTo(401);
    }
}
