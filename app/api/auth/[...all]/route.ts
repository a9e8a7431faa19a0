import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/modules/auth/instance";

// better-auth's HTTP endpoints (sign-in, sign-out, session, admin). The instance is
// looked up per request so that building the app needs no auth settings.
const handler = toNextJsHandler((request: Request) => getAuth().handler(request));

export const { GET, POST } = handler;
