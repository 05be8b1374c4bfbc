// The V4 signer against the vectors of OSS's own Android SDK (aliyun-oss-android-sdk, SingerTest.java): the same
// request, credentials and time must give the Authorization header OSS's SDK computes.
import { describe, expect, it } from "vitest";
import { ossDate, signOssRequest } from "../src/oss-signature.js";

const request = {
  method: "PUT",
  bucket: "bucket",
  key: "1234+-/123/1.txt",
  headers: {
    "x-oss-head1": "value",
    abc: "value",
    ZAbc: "value",
    XYZ: "value",
    "content-type": "text/plain",
    "x-oss-content-sha256": "UNSIGNED-PAYLOAD",
  },
  query: { param1: "value1", "|param1": "value4", "+param1": "value3", "+param2": "", "|param2": "", param2: "" },
};

describe("signOssRequest", () => {
  it("gives OSS's SDK signature with long-term credentials", () => {
    const headers = signOssRequest(
      request,
      { accessKeyId: "ak", accessKeySecret: "sk" },
      "cn-hangzhou",
      new Date(1702743657018),
    );
    expect(headers.Authorization).toBe(
      "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=9efc975fb94480f28a9ab2fcf5b23b4170d83a069838df4e77501d79868bd829",
    );
    expect(headers["x-oss-security-token"]).toBeUndefined();
  });

  it("gives OSS's SDK signature with STS credentials, sending and signing the token", () => {
    const credentials = { accessKeyId: "ak", accessKeySecret: "sk", securityToken: "token" };
    const headers = signOssRequest(request, credentials, "cn-hangzhou", new Date(1702784856007));
    expect(headers.Authorization).toBe(
      "OSS4-HMAC-SHA256 Credential=ak/20231217/cn-hangzhou/oss/aliyun_v4_request,Signature=0436fec1623c737d5827c11d200afd3df51d067b80196080438f57c94d99b9b0",
    );
    expect(headers["x-oss-security-token"]).toBe("token");
    expect(headers["x-oss-head1"]).toBe("value"); // the request's own headers are kept
  });

  it("writes x-oss-date as OSS expects", () => {
    expect(ossDate(new Date(1702784856007))).toBe("20231217T034736Z");
  });
});
