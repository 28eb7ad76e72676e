import { describe, expect, it } from "vitest";
import { parseNetworks } from "./networks";

describe("the allowed-networks field", () => {
  it("takes one network per line", () => {
    expect(parseNetworks("10.0.0.0/8\n2001:db8::/32\r\n127.0.0.2/32")).toEqual(["10.0.0.0/8", "2001:db8::/32", "127.0.0.2/32"]);
  });

  it("takes commas, and both at once", () => {
    expect(parseNetworks("10.0.0.0/8, 192.168.1.1\n::1")).toEqual(["10.0.0.0/8", "192.168.1.1", "::1"]);
  });

  it("drops blanks, so an empty field means anywhere", () => {
    expect(parseNetworks("")).toEqual([]);
    expect(parseNetworks(" \n , \n")).toEqual([]);
  });

  it("keeps what it does not understand, for the server to refuse by name", () => {
    expect(parseNetworks("not-a-network")).toEqual(["not-a-network"]);
  });
});
