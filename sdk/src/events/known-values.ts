// The values Alibaba documents for the enum-like fields. Events may carry others (Alibaba adds values, older APIs
// capitalise them), so the schemas accept any string and report an unknown one to `onDrift`; these lists feed the
// types (known literals plus any string), the drift check, the docs pages and the JSON Schema `examples`.

/** `eventSource`: the seed document's only value. */
export const EVENT_SOURCES = ["cdn"] as const;

/** `eventVersion`: the only version the seed document defines. */
export const EVENT_VERSIONS = ["1.0.0"] as const;

/** `region`: Function Compute 3.0's region IDs (FC API 2023-03-30 endpoints), where a CDN trigger's function runs. */
export const REGIONS = [
  "cn-hangzhou",
  "cn-shanghai",
  "cn-qingdao",
  "cn-beijing",
  "cn-zhangjiakou",
  "cn-huhehaote",
  "cn-wulanchabu",
  "cn-shenzhen",
  "cn-chengdu",
  "cn-hongkong",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-3",
  "ap-southeast-5",
  "ap-southeast-7",
  "us-east-1",
  "us-west-1",
  "eu-central-1",
  "eu-west-1",
] as const;

/**
 * `objectType` of refresh, prefetch and block tasks: RefreshObjectCaches takes File, Directory, Regex and
 * IgnoreParams; task listings (DescribeRefreshTasks) use lowercase file, directory and preload.
 */
export const OBJECT_TYPES = ["File", "Directory", "Regex", "IgnoreParams", "file", "directory", "preload"] as const;

/** `status` of CdnDomainStarted/Stopped: the CDN domain states (older API docs capitalise Online and Offline). */
export const DOMAIN_STATUSES = ["online", "offline", "configuring", "configure_failed", "Online", "Offline"] as const;
