package io.github.kcpat.personaltokens.web;

import io.github.kcpat.personaltokens.core.NewToken;

/** Reads the body of a create (user API) or assign (admin API) into the core's request. */
public final class NewTokenRequest {

    private NewTokenRequest() {
    }

    public static NewToken parse(String body) {
        return from(JsonBody.parse(body));
    }

    public static NewToken from(JsonBody json) {
        return new NewToken(json.string("name"), json.integer("expiresInDays"), json.string("role"),
                json.strings("allowedNetworks"));
    }
}
