export { createApp } from "./app";
export { loadConfig, type ServerConfig } from "./config";
export { startServer, type RunningServer } from "./start-server";
