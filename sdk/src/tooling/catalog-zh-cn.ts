// 简体中文 for the event catalog's prose, key for key with the English definitions (sdk/src/events/: cached-objects.ts,
// cdn-domain.ts, log-file-created.ts, shared.ts). Terms follow Alibaba Cloud's Chinese documentation: 函数计算,
// CDN 触发器, 离线日志, 刷新, 预热, 封禁, 加速域名, 事件. Exported from `fc-cdn-trigger/tooling` only, so a deployed
// handler's bundle never carries it.
import type { CdnCatalogTranslation, CdnEventTranslation } from "./catalog-translation.js";

const NUMBER_QUIRK = "文档写作 String，实际以 JSON 数字发送。两种形式均可接受；SDK 输出数字。";

// Events that share one set of fields in English share one translation; `satisfies` still rejects an extra key.
const cachedObjectsFields = {
  domain: { description: "任务所属的加速域名。" },
  taskId: {
    description: "CDN 任务（刷新、预热或封禁）的 ID。",
    quirk: "文档写作 String，实际以 JSON 数字发送。SDK 输出字符串，使 ID 在数值运算中不会丢失精度。",
  },
  objectType: {
    description:
      "任务的对象类型：单个文件（File）或整个目录（Directory）；CDN 的 API 还会使用 Regex、IgnoreParams 以及小写形式。",
  },
  objectPath: {
    description: "任务所涉及对象的路径。",
    quirk: "文档写作 String，实际以字符串数组发送。单个字符串也可接受，SDK 会将其包装为数组。",
  },
  createTime: { description: "任务开始的时间，单位为 Unix 秒。", quirk: NUMBER_QUIRK },
  completeTime: { description: "任务完成的时间，单位为 Unix 秒。", quirk: NUMBER_QUIRK },
} satisfies CdnEventTranslation<"CachedObjectsRefreshed">["parameterFields"];

const statusFields = {
  domain: { description: "被启用或停用的加速域名。" },
  status: { description: "变更后域名的状态：online 或 offline（或其他 CDN 域名状态）。" },
} satisfies CdnEventTranslation<"CdnDomainStarted">["parameterFields"];

const lifecycleFields = {
  domain: { description: "被添加或删除的加速域名。" },
} satisfies CdnEventTranslation<"CdnDomainAdded">["parameterFields"];

/**
 * The event catalog's prose in Simplified Chinese (简体中文): each event's "fires when", description and notes,
 * every field's description and quirk, and the wire terms. The docs site's `/zh-cn/` event pages read it; the
 * English `CDN_EVENT_CATALOG` stays the source, and its type makes a missing translation a compile error.
 *
 * @example
 * ```ts
 * import { CDN_EVENT_CATALOG } from "fc-cdn-trigger";
 * import { CDN_CATALOG_ZH_CN } from "fc-cdn-trigger/tooling";
 * console.log(CDN_EVENT_CATALOG.LogFileCreated.firesWhen, CDN_CATALOG_ZH_CN.events.LogFileCreated.firesWhen);
 * ```
 */
export const CDN_CATALOG_ZH_CN: CdnCatalogTranslation = {
  events: {
    LogFileCreated: {
      firesWhen: "CDN 已为该域名生成一个离线日志文件（约每小时一次）。",
      description:
        "CDN 为某个加速域名生成完一个离线访问日志文件时发送。文件经 gzip 压缩，每个请求一行，`filePath` 是下载该文件的签名 URL。大多数 CDN 触发器订阅此事件，用来归档或分析日志。",
      parameterFields: {
        domain: { description: "日志文件对应的加速域名。" },
        startTime: { description: "文件所覆盖时间段的开始时间，单位为 Unix 秒。", quirk: NUMBER_QUIRK },
        endTime: { description: "文件所覆盖时间段的结束时间，单位为 Unix 秒。", quirk: NUMBER_QUIRK },
        fileSize: { description: "压缩后日志文件的大小，单位为字节。", quirk: NUMBER_QUIRK },
        filePath: {
          description:
            "gzip 日志文件的签名下载 URL，日志处理函数处理的正是这个字段。它可能不带协议头；下载前请加上 https://。",
        },
      },
      notes: ["签名的 filePath 会过期；请及时下载文件，或将其复制到 OSS。"],
    },
    CachedObjectsRefreshed: {
      firesWhen: "该域名的一个刷新（清除缓存）任务已完成。",
      description: "CDN 刷新任务完成时发送：所列文件或目录已从边缘节点的缓存中清除，之后的请求会回源。",
      parameterFields: cachedObjectsFields,
      notes: [],
    },
    CachedObjectsPushed: {
      firesWhen: "该域名的一个预热任务已完成。",
      description: "CDN 预热任务完成时发送：所列对象已提前从源站拉取，并推送到边缘节点的缓存中，无需等待用户请求。",
      parameterFields: cachedObjectsFields,
      notes: [],
    },
    CachedObjectsBlocked: {
      firesWhen: "针对该域名资源的一个封禁任务已完成。",
      description:
        "CDN 封禁所列对象、边缘节点不再提供这些对象时发送。结构与 CachedObjectsRefreshed 相同。本 SDK 所依据的 CDN 触发器文档页未列出此事件，阿里云在其他文档中有说明。",
      parameterFields: cachedObjectsFields,
      notes: [
        "需要先通过工单联系阿里云技术支持，将您的账号加入白名单，CDN 才会发送此事件。",
        "函数计算的 CDN 触发器文档页未列出此事件；阿里云 CDN 的事件列表中有说明。",
      ],
    },
    CdnDomainStarted: {
      firesWhen: "一个加速域名已被启用。",
      description: "已停用的 CDN 加速域名重新启用、开始提供服务时发送。",
      parameterFields: statusFields,
      notes: [],
    },
    CdnDomainStopped: {
      firesWhen: "一个加速域名已被停用。",
      description: "CDN 加速域名被停用、不再提供服务时发送。",
      parameterFields: statusFields,
      notes: ["源文档中 Started 与 Stopped 共用一个示例（status 为 online）；此处的示例使用 offline。"],
    },
    CdnDomainAdded: {
      firesWhen: "一个加速域名已添加到 CDN。",
      description: "某个域名作为加速域名添加到 CDN 时发送。",
      parameterFields: lifecycleFields,
      notes: [],
    },
    CdnDomainDeleted: {
      firesWhen: "一个加速域名已从 CDN 中删除。",
      description: "加速域名从 CDN 中删除时发送。",
      parameterFields: lifecycleFields,
      notes: [],
    },
  },
  sharedFields: {
    eventName: { description: "CDN 事件的类型，例如 LogFileCreated 或 CdnDomainStarted。用它来区分不同的事件。" },
    eventSource: { description: "事件来源：cdn。" },
    region: { description: "发送事件的 CDN 服务所在的地域，例如 cn-hangzhou。" },
    eventVersion: { description: "事件格式的版本：1.0.0，也是目前文档中唯一的版本。" },
    eventTime: { description: "事件发生的时间，格式为带 UTC 偏移量的 ISO 8601 日期时间。" },
    traceId: { description: "CDN 为该事件生成的追踪 ID。就某次事件投递咨询阿里云技术支持时，请提供此 ID。" },
    "userIdentity.aliUid": { description: "拥有该 CDN 加速域名的阿里云账号 ID。" },
    "resource.domain": { description: "事件所涉及的 CDN 加速域名。" },
    eventParameter: { description: "该事件类型特有的字段，见下表。" },
  },
  wireTerms: {
    string: "字符串",
    integer: "整数",
    "numeric string": "数字字符串",
    "array of strings": "字符串数组",
    "string (ISO 8601)": "字符串（ISO 8601）",
    object: "对象",
  },
};
