import { describe, expect, it } from "vitest";
import { isCommonPassword } from "./password-policy";

describe("common passwords", () => {
  it.each(["password", "Password", "qwerty123456", "1q2w3e4r5t6y", "Password2024!", "!!monkey12345", "aaaaaaaaaaaaaa", "iloveyou1234"])(
    "refuses %j",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(["correct horse battery staple", "kettle-orbit-lantern-9", "Tr4vel!ng-ostrich-moss"])("accepts %j", (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});
