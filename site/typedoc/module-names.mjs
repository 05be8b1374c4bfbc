// TypeDoc plugin: name each documented module by the import path users write
// ("fc-cdn-trigger", "fc-cdn-trigger/testing", ...) instead of its file path ("index", "testing").
import { Converter, ReflectionKind } from "typedoc";

const PACKAGE = "fc-cdn-trigger";

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const entry = module.name.replace(/(^|\/)index$/, "");
      module.name = entry ? `${PACKAGE}/${entry}` : PACKAGE;
    }
  });
}
