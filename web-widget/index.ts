/** Public surface of the web widget: the build and the HTTP routes that serve it. */
export { buildWidget, MAX_GZIP_BYTES, WIDGET_DIST_PATH, type WidgetBuild } from './build.js';
export { widgetRoutes, type WidgetRoutesOptions } from './routes.js';
