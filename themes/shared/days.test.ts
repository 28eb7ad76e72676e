import { describe, expect, it } from "vitest";
import { parseDays } from "./days";

describe("a number of days typed into a form", () => {
  it("is undefined when left empty, for the server's default", () => {
    expect(parseDays("")).toBeUndefined();
    expect(parseDays("  ")).toBeUndefined();
  });

  it("is the whole number typed", () => {
    expect(parseDays("30")).toBe(30);
    expect(parseDays(" 0 ")).toBe(0);
  });

  it.each(["-1", "1.5", "1e3", "ten", "0x10"])("refuses %s", (text) => {
    expect(parseDays(text)).toBeNaN();
  });
});
