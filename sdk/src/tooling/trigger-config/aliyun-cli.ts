// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the script uses shell ${VAR:?message} expansions
// aliyun CLI: a POSIX shell script of `aliyun fc POST …/triggers` calls whose --body is the FC API JSON body.
import { apiBody } from "./fc-api-json.js";
import type { CdnTriggerConfig } from "./model.js";

// POSIX shell single quoting: nothing inside is expanded, a ' is closed, escaped and reopened.
const sq = (value: string) => `'${value.replace(/'/g, "'\\''")}'`;

/** The script; without a function name or account ID it stops with a message asking for FUNCTION_NAME/ACCOUNT_ID. */
export function renderAliyunCli(
  configs: readonly CdnTriggerConfig[],
  options: { functionName?: string | undefined; region?: string | undefined },
): string {
  const lines = [
    "# Creates the CDN trigger(s) with FC 3.0's CreateTrigger API (aliyun CLI, ROA style).",
    options.functionName === undefined
      ? 'FUNCTION_NAME="${FUNCTION_NAME:?set FUNCTION_NAME to the name of your FC function}"'
      : `FUNCTION_NAME=${sq(options.functionName)}`,
  ];
  if (configs.some((config) => config.accountId === undefined)) {
    lines.push('ACCOUNT_ID="${ACCOUNT_ID:?set ACCOUNT_ID to your Alibaba Cloud account ID}"');
  }
  const region = options.region === undefined ? "" : ` \\\n  --region ${sq(options.region)}`;
  for (const config of configs) {
    // A marker that none of the trigger's own text holds; it becomes the shell variable, spliced outside the quotes.
    let marker = "\uE000";
    while (JSON.stringify(config).includes(marker)) marker += "\uE000";
    const json = JSON.stringify(apiBody(config, config.accountId ?? marker));
    const body = sq(json).split(marker).join(`'"$ACCOUNT_ID"'`);
    lines.push(
      `aliyun fc POST "/2023-03-30/functions/$FUNCTION_NAME/triggers"${region} \\\n  --header "Content-Type=application/json" \\\n  --body ${body}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
