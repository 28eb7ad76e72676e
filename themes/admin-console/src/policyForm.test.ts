import { describe, expect, it } from "vitest";
import { diesUnusedBeforeExpiry, isWholeNumber, noticeDaysText, noticeDaysValue, numberValue, parsePolicy, policyErrors } from "./policyForm";

const FIELDS = ["maxExpiresInDays", "defaultExpiresInDays", "maxAuthAgeSeconds", "expiryNoticeDays", "revokeAfterDaysUnused"];

describe("the policy form", () => {
  it("reads only a JSON object", () => {
    expect(parsePolicy('{"maxAuthAgeSeconds": 5}')).toEqual({ maxAuthAgeSeconds: 5 });
    expect(parsePolicy("[1]")).toBeUndefined();
    expect(parsePolicy("null")).toBeUndefined();
    expect(parsePolicy("{broken")).toBeUndefined();
  });

  it("sends numbers as numbers, empty as null (the default), and anything else as typed", () => {
    expect([numberValue("30"), numberValue(" 0 "), numberValue(""), numberValue("-1"), numberValue("1.5"), numberValue("x")])
      .toEqual([30, 0, null, -1, 1.5, "x"]);
    expect([isWholeNumber(30), isWholeNumber(null), isWholeNumber(-1), isWholeNumber(1.5), isWholeNumber("x")])
      .toEqual([true, true, false, false, false]);
  });

  it("takes notice days as a list, empty for none", () => {
    expect(noticeDaysValue("7, 1")).toEqual([7, 1]);
    expect(noticeDaysValue("30 7,1")).toEqual([30, 7, 1]);
    expect(noticeDaysValue("")).toEqual([]);
    expect(noticeDaysValue("7, soon")).toEqual([7, "soon"]);
    expect(noticeDaysText([7, 1])).toBe("7, 1");
  });

  it("sorts the server's messages by the field they name", () => {
    const errors = policyErrors("maxAuthAgeSeconds must not be negative; defaultExpiresInDays must not be above maxExpiresInDays; "
      + "role 'admin' maxExpiresInDays must be between 1 and the policy's maxExpiresInDays; tokenPrefix must not be empty", FIELDS);
    expect(errors.fields).toEqual({
      maxAuthAgeSeconds: ["maxAuthAgeSeconds must not be negative"],
      defaultExpiresInDays: ["defaultExpiresInDays must not be above maxExpiresInDays"],
    });
    expect(errors.roles).toEqual({ admin: ["role 'admin' maxExpiresInDays must be between 1 and the policy's maxExpiresInDays"] });
    expect(errors.other).toEqual(["tokenPrefix must not be empty"]);
  });

  it("keeps what names no field for the general message", () => {
    expect(policyErrors("the policy is not valid JSON", FIELDS).other).toEqual(["the policy is not valid JSON"]);
  });

  it("warns when the offline session idle is shorter than the longest lifetime", () => {
    const day = 86400;
    expect(diesUnusedBeforeExpiry(30 * day, 365, false)).toBe(true);
    expect(diesUnusedBeforeExpiry(30 * day, 30, false)).toBe(false);
    expect(diesUnusedBeforeExpiry(365 * day, 90, true)).toBe(true);
    expect(diesUnusedBeforeExpiry(undefined, 365, false)).toBe(false);
  });
});
