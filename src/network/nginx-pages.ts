/**
 * The pages the official nginx image serves: the welcome page (/usr/share/nginx/html/index.html,
 * 615 bytes) and the built-in 404 page (CRLF line ends, with the version in the footer), and the
 * nginx version an image tag stands for.
 */
import { parseImage } from '../kubelet/images.ts';

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export function NGINX_404(version: string): string {
  return `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

/** The last release of each minor line; `latest` is the mainline release current at the default start (January 2025). */
const LAST_PATCH: Record<string, string> = {
  '1.14': '1.14.2', '1.15': '1.15.12', '1.16': '1.16.1', '1.17': '1.17.10', '1.18': '1.18.0', '1.19': '1.19.10',
  '1.20': '1.20.2', '1.21': '1.21.6', '1.22': '1.22.1', '1.23': '1.23.4', '1.24': '1.24.0', '1.25': '1.25.5',
  '1.26': '1.26.2', '1.27': '1.27.3',
};
export const NGINX_LATEST = '1.27.3';

/**
 *   nginx → 1.27.3    nginx:1.16 → 1.16.1    nginx:1.25.3-alpine → 1.25.3    nginx:alpine → 1.27.3
 */
export function nginxVersion(image: string): string {
  const tag = parseImage(image).tag;
  const full = /^(\d+\.\d+\.\d+)/.exec(tag);
  if (full) return full[1];
  const minor = /^(\d+\.\d+)/.exec(tag);
  if (minor && LAST_PATCH[minor[1]]) return LAST_PATCH[minor[1]];
  return NGINX_LATEST;
}
