// The playground's words in 简体中文, typed by the English table (en.ts): a missing or extra key fails type-check.
// Terminology follows Alibaba Cloud's Chinese docs: 函数计算, CDN 触发器, 离线日志, 加速域名, 事件, 运行, 处理函数.

import type { PlaygroundMessages } from "./en.js";

export const zhCn: PlaygroundMessages = {
  playground: {
    label: "处理函数演练场",
    template: "模板",
    language: "语言",
    event: "事件",
    templates: {
      sdk: "SDK（defineCdnHandler）",
      plain: "普通函数计算处理函数",
      official: "仿照官方示例",
      logs: "汇总离线日志文件",
    },
    severalEvents: "包含多个事件的信封",
    invalidEvent: "无效事件（查看 SDK 的报错）",
    customEvent: "自定义事件",
    customEvents: (count) => `自定义：${count} 个事件`,
    run: "运行",
    runTitle: "运行处理函数（Ctrl/Cmd+Enter）",
    runAction: "运行处理函数",
    stop: "停止",
    output: "输出",
    emptyOutput:
      "按“运行”，像函数计算那样调用 `handler(event, context)`：它在您浏览器中的沙箱里运行，任何数据都不会离开本页面。",
    loadEditor: "加载编辑器",
    handlerEditor: "处理函数源代码",
    sandbox: "处理函数沙箱",
    eventEditor: "传给处理函数的事件 JSON",
    editorFailed: (error) => `编辑器加载失败：${error}。请重新加载页面后重试。`,
    jsonError: (line, message) => `第 ${line} 行 JSON 错误：${message}`,
    schemaWarnings: (count) => `${count} 个 Schema 警告：运行时仍会发送该事件`,
    validEnvelope: "有效的 CDN 事件信封",
    checking: "正在检查…",
    couldNotStart: "无法开始运行。",
    pressRunAgain: "请再次点击“运行”。",
    invalidJson: "事件不是有效的 JSON，因此未运行处理函数。",
    invalidJsonReason: "无效的 JSON",
    fixEvent: "请修正 event.json（红色标记指出了出错位置），或从列表中选择一个事件。",
    notCdnFormat: "该事件不符合 CDN 事件格式。仍会运行，以便您查看处理函数如何应对：",
    syntaxError: (fileName) => `${fileName} 中有语法错误，因此未运行。`,
    typeErrors: (count, fileName) => `${fileName} 中有 ${count} 个类型错误（已用红色下划线标出）。仍会运行：`,
    at: (line, column, message) => `第 ${line} 行第 ${column} 列：${message}`,
  },

  output: {
    running: "运行中…",
    returnValueJson: "返回值（JSON）",
    returnValue: "返回值",
    doneIn: (duration) => `完成，耗时 ${duration}`,
    errorAt: (name, fileName, line, column) => `${name}，位于 ${fileName} 第 ${line} 行第 ${column} 列`,
    failedAfter: (duration) => `运行 ${duration} 后失败`,
    timedOutTitle: (seconds) => `运行超时（${seconds} 秒），已被停止。`,
    timedOutHint: "函数计算同样会停止它。请检查是否有死循环，或永远不会完成的 Promise。",
    timedOut: "超时",
    workerFailed: "运行所用的 Worker 出错了。",
    failed: "失败",
    stoppedTitle: "已停止。",
    stopped: "已停止",
    notRun: "未运行",
    truncated: (hidden, limit) => `输出已截断：另有 ${hidden} 行控制台输出未显示（上限为 ${limit} 行）。`,
    moreCharacters: (count) => `（另有 ${count} 个字符）`,
  },

  python: {
    download: "Pyodide 下载进度",
    sandbox: "Python 处理函数沙箱",
    loading: (version, loaded, total) => `正在加载 Python（Pyodide ${version}）：${loaded} / ${total} MB`,
    starting: "正在启动 Python…",
    ready: (version, seconds) => `Python 已就绪（Pyodide ${version}，启动耗时 ${seconds} 秒）`,
    failed: (message) => `Python 无法启动：${message}`,
    notInTime: "Python 未能及时启动。",
    couldNotLoad: (message) => `无法加载 Python：${message}`,
    downloadFailed: (path, error) => `无法下载 ${path}（${error}）；请点击“运行”重试`,
    httpError: (path, status) => `${path} 返回 HTTP ${status}；请点击“运行”重试`,
  },

  share: {
    share: "分享",
    shareTitle: "复制一个打开此处理函数和事件的链接（不会运行它们）",
    reset: "重置",
    resetTitle: "恢复为最初的模板和事件",
    opened: "已打开分享的处理函数和事件。它尚未运行：请先阅读代码，再点击“运行”。",
    cannotOpen: (why) => `无法打开此分享链接：${why}。`,
    showingDefault: "已改为显示默认模板。",
    unchanged: "您的处理函数和事件没有改变。",
    restored: "已从此浏览器恢复您上次的编辑。点击“重置”可恢复模板。",
    cannotSave: (error) => `无法在此浏览器中保存您的编辑（${error}）；离开页面后编辑内容将丢失。`,
    cannotLink: (why) => `无法生成链接：${why}。`,
    tooLargeForLink: (length, max) =>
      `处理函数和事件太大，无法放入链接（压缩后 ${length} 个字符，上限为 ${max}）；请分享更短的处理函数或事件`,
    copied: "链接已复制。打开它会载入此处理函数和事件，但不会运行。",
    inAddressBar: "链接已放在地址栏中（浏览器不允许复制到剪贴板）。",
    problems: {
      empty: () => "链接中没有任何状态（#share= 之后为空）",
      tooLong: (v) => `链接长 ${v.length} 个字符，超过了链接可容纳的 ${v.max} 个字符`,
      badCharacters: () => "链接包含分享链接中不会出现的字符（是否被截断或修改过？）",
      tooLarge: (v) => `解压后超过 ${v.kilobytes} kB`,
      corrupt: () => "数据已损坏或不完整（复制时链接是否被截断？）",
      notState: () => "其中的数据不是演练场状态",
      newer: (v) => `它由更新版本的演练场生成（格式 v${v.version}；此版本只能读取 v1）`,
      noVersion: () => "其中的数据没有格式版本",
      badLanguage: (v) => `其语言 ${v.language} 不在 ${v.languages} 之中`,
      missingField: (v) => `缺少 "${v.field}"，或它不是文本`,
    },
  },

  phrases: {
    noNetwork: "演练场没有网络；只提供示例日志",
    pyNoNetwork: "演练场没有网络；处理函数在您的浏览器中离线运行",
    unhandledRejection: "未处理的 Promise 拒绝：",
    unprintable: "无法打印该值",
  },

  runtime: {
    noHandler: () =>
      "未找到处理函数：请导出名为 handler 的函数（export const handler = async (event, context) => …，在 JavaScript 中也可以用 exports.handler = …）。",
    cannotImport: (v) => `无法导入 "${v.specifier}"：演练场只提供 ${v.provided}；请使用这些模块或纯 JavaScript。`,
    moduleNotFound: (v) => `找不到模块 '${v.specifier}'：演练场只提供 ${v.provided}。`,
    sdkEntryMissing: (v) => `演练场的 SDK 包缺少用于运行处理函数的 ${v.entry}：请重新构建站点。`,
    thrownValue: () => "抛出的值",
    issueAt: (v) => `问题位置 ${v.path || "（输入）"}：${v.message}`,
    eventFailed: (v) => `events[${v.index}]（${v.eventName}）处理失败：${v.reason}`,
    causedBy: (v) => `原因：${v.cause}`,
    notJson: (v) => `（无法序列化为 JSON：${v.reason}；函数计算无法返回它）`,
    pyNotJson: (v) => `（无法序列化为 JSON：${v.reason}；请返回 str、bytes 或 dict）`,
    pyNoHandler: () =>
      "index.py 没有定义名为 handler 的函数：函数计算调用的是 index.handler，请定义 def handler(event, context): ...",
    pyNotCallable: (v) => `index.handler 是 ${v.type}，不是函数`,
    pyCoroutine: () =>
      "handler 返回了协程：函数计算的 Python 运行时同步调用 handler(event, context)，请用 def 而不是 async def 定义它",
    workerFailedToStart: (v) => v.reason || "运行所用的 Worker 无法启动",
    pyCouldNotStart: (v) => `Python 无法启动：${v.reason}`,
    pyStopped: (v) => `Python 停止工作：${v.reason}`,
    pyWorkerFailed: (v) => v.reason || "Python Worker 出错了",
  },

  codegen: {
    label: "生成处理函数",
    events: "处理函数要处理的事件",
    language: "语言",
    style: "风格",
    styleSdk: "SDK（defineCdnHandler）",
    stylePlain: "普通（无依赖）",
    open: "在演练场中打开",
    project: "下载为函数计算项目",
    projectHint:
      "上面的处理函数、`package.json`、每个事件对应一个 CDN 触发器的 `s.yaml`，以及写明部署步骤的 README，在您的浏览器中打包为 zip。",
    download: "下载 .zip",
    pickEvent: "请至少选择一个事件：处理函数会为您勾选的事件生成。",
    cannotBuildYaml: (problems) => `无法生成项目的 s.yaml。${problems}`,
    projectFailed: (message) => `无法生成项目：${message}`,
  },

  trigger: {
    label: "CDN 触发器配置",
    event: "事件",
    formats: "配置格式",
    requestBody: "CreateTrigger 请求体",
    domain: (index) => `加速域名 ${index}`,
    domains: "加速域名",
    accountId: "账号 ID",
  },

  domains: {
    label: "加速域名",
    title: "一个或多个加速域名，以逗号或空格分隔",
    account: "账号 ID（可选）",
  },

  copy: {
    copy: "复制",
    copied: "已复制",
    pressCtrlC: "请按 Ctrl+C",
  },

  tryIt: {
    intro: (eventName) =>
      `就在这里用 \`${eventName}\` 示例事件运行处理函数：它在您浏览器中的沙箱里运行，以 Buffer 形式接收事件，并获得函数计算的 context，任何数据都不会离开本页面。`,
    logFile:
      "模板会下载事件中的 `filePath`：演练场会返回一份生成的 gzip 访问日志，让您看到真实离线日志会得出的汇总结果。",
    fullPlayground: "完整的[演练场](/playground/)包含所有事件。",
    label: (eventName) => `试用 ${eventName}`,
    generate: "生成处理函数",
    generateLabel: (eventName) => `为 ${eventName} 生成处理函数`,
    trigger: "触发器配置",
    triggerLabel: (eventName) => `${eventName} 的触发器配置`,
  },

  page: {
    title: "演练场",
    description: "编辑函数计算处理函数，享有所有 CDN 事件的智能提示，并在浏览器中针对任意事件运行它。",
    intro:
      "选择一个事件，编辑处理函数，然后点击**运行**（或按 Ctrl/Cmd+Enter）。处理函数在本标签页的沙箱 Worker 中运行，与在函数计算上完全一样，接收 Buffer 形式的事件（Python 中为 `bytes`，由自托管的 Pyodide 运行，只在您选择 Python 时才加载）和函数计算的 context。任何数据都不会发送到别处。",
    label: "CDN 事件处理函数演练场",
    generate: "生成处理函数",
    generateIntro:
      "SDK 会为您选择的事件编写处理函数，支持 TypeScript、JavaScript 和 Python。您可以复制它、在上方的演练场中打开，或下载为可直接 `s deploy` 的函数计算项目。",
    trigger: "触发器配置",
    triggerIntro:
      "为一个事件和您的加速域名生成 CDN 触发器配置，适用于 API、Serverless Devs、Terraform 或 aliyun CLI。账号 ID 留空时会使用占位符。",
  },
};
