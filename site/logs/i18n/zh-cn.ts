// The log analyzer page's words in 简体中文, with exactly the keys and parameters of the English table (en.ts).
import type { LogAnalyzerMessages } from "./en.js";

export const zhCn: LogAnalyzerMessages = {
  title: "日志分析器",
  description: "在浏览器中分析阿里云 CDN 离线访问日志：缓存命中率、错误、热门 URL、延迟和每小时流量。不上传任何数据。",
  intro:
    "选择或拖入 CDN 离线日志文件（CDN 提供的 `.gz` 文件或纯文本）。文件由 `fc-cdn-trigger/logs` 在您的浏览器中读取和汇总：**任何数据都不会离开本页面**。多个文件会合并为一份报告。",
  dropZone: "日志文件",
  dropHint: "把 `.gz` 或纯文本日志文件拖到这里，或者",
  choose: "选择日志文件",
  sample: "使用示例日志",
  openSummary: "打开已保存的汇总",
  openSummaryHint: "从本页面下载的汇总 JSON，或由 `fc-cdn-trigger logs summarize --json` 生成的文件。",
  cancel: "取消",
  download: "下载汇总（JSON）",
  filesHeading: "文件",
  reportHeading: "报告",
  progressLabel: "进度",
  progress: (name, file, files, read, total, lines) =>
    `${name}（第 ${file} 个，共 ${files} 个）：${read} / ${total}，${lines} 行`,

  makingSample: "正在生成示例日志…",
  analysing: (count) => `正在分析 ${count} 个文件…`,
  done: (count, requests) => `完成：已汇总 ${count} 个文件，共 ${requests} 个请求。`,
  doneWithProblems: (summarised, count) => `完成：${count} 个文件中有 ${summarised} 个得到汇总；请查看各文件的说明。`,
  nothingSummarised: "没有文件得到汇总：请查看各文件的说明。",
  cancelled: (name, read, lines) => `已取消：读取 ${name} 时停止，已读 ${read}、${lines} 行。报告只包含已完成的文件。`,
  cancelledNothing: (name, read, lines) =>
    `已取消：读取 ${name} 时停止，已读 ${read}、${lines} 行。没有文件完成，因此没有报告。`,
  failed: (message) => `分析意外中止（${message}）。请刷新页面后重试。`,
  openedSummaries: (count) => (count > 1 ? `显示 ${count} 份已保存的汇总（已合并）。` : "显示 1 份已保存的汇总。"),
  summaryUnreadable: (name) => `无法把 ${name} 作为已保存的汇总打开：`,
  summaryNotJson: (message) => `它不是 JSON（${message}）。`,
  summaryIssue: (path, message) => `${path}：${message}`,
  summaryHint: "请打开从本页面下载的 JSON 文件，或由 `fc-cdn-trigger logs summarize --json` 生成的文件。",

  fileStates: {
    waiting: "等待中",
    reading: "读取中…",
    done: "已汇总",
    partial: "部分汇总",
    failed: "未汇总",
    cancelled: "已取消",
  },
  fileCounts: (lines, malformed) => `${lines} 行，${malformed} 行格式错误。`,
  firstMalformed: (numbers) => `最先出现的格式错误行：${numbers}。`,

  problems: {
    empty: (compressed) =>
      compressed
        ? "该文件解压后没有任何行：没有可汇总的内容。请选择包含请求的日志。"
        : "该文件为空（0 字节）：没有可汇总的内容。请选择日志文件本身。",
    binary: (offset) =>
      `这是二进制文件，不是文本日志（第 ${offset} 字节处有 NUL 字节）：是图片或压缩包吗？请选择 CDN 访问日志（.gz 或纯文本）。`,
    notLog: (numbers) =>
      `没有一行是 CDN 访问日志：第 ${numbers} 行不符合访问日志格式。请选择 CDN 离线日志（其行以 [01/Jun/2024:08:00:00 +0800] 203.0.113.9 … 开头）。`,
    notLogEarly: (lines, numbers) =>
      `没有一行是 CDN 访问日志：读取前 ${lines} 行后已停止，其中没有一行符合格式（第 ${numbers} 行 …）。请选择 CDN 离线日志（其行以 [01/Jun/2024:08:00:00 +0800] 203.0.113.9 … 开头）。`,
    truncatedGzip: (fileBytes, decompressed, lines, detail) =>
      `gzip 数据被截断或已损坏（${detail}）：文件的 ${fileBytes} 在中断前解压出 ${decompressed}、${lines} 行。报告包含这些行；如需其余部分，请重新下载该文件。`,
    unreadable: (detail) => `无法读取该文件：${detail}`,
  },
};
