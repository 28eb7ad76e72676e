package io.github.kcpat.personaltokens.web;

/** The optional body of a rotation: {@code {"expiresInDays"?}}, with the rules of a creation. */
public final class RotationRequest {

    private RotationRequest() {
    }

    /** The requested lifetime, or null for "as last issued" (also for an empty body). */
    public static Integer expiresInDays(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        return JsonBody.parse(body).integer("expiresInDays");
    }
}
