/**
 * The cluster network as pure functions over the store: cluster DNS (CoreDNS), the pod's resolver,
 * kube-proxy's routing of Service traffic, the servers' answers and their access logs, and the
 * network tools `kubectl exec` runs (tools/).
 */
export { CLUSTER_DNS_IP, CLUSTER_DOMAIN, queryClusterDns, reverseName, type DnsRecord, type DnsReply, type QueryType } from './dns.ts';
export { resolveHost, resolverConfig, candidates, type Resolution, type ResolverConfig } from './resolver.ts';
export { connect, listeningContainer, listeningPorts, type ConnectResult, type NetContext, type Target } from './routing.ts';
export { serveHttp, type HttpRequest, type HttpResponse } from './http-servers.ts';
export { AccessLogBook, goLogLine, nginxAccessLine, type ServedRequest } from './access-log.ts';
export { backendsFor, dnsBackends, trafficBackends, type Backend } from './service-endpoints.ts';
export { externalA, isPublicName } from './external.ts';
export type { NetCommandContext } from './tools/context.ts';
