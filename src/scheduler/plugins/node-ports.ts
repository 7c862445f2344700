/**
 * NodePorts: a pod asking for a hostPort fits only nodes where that protocol/IP/port is free
 * (0.0.0.0 conflicts with every IP).
 */
import { SUCCESS, unschedulable, type FilterPlugin, type Pod, type PluginContext, type PreFilterPlugin, type Status } from '../framework/types.ts';
import { hostPorts, type NodeInfo } from '../framework/node-info.ts';

export const NODE_PORTS = 'NodePorts';
export const ERR_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
const STATE_KEY = 'PreFilterNodePorts';

export class NodePortsPlugin implements PreFilterPlugin, FilterPlugin {
  readonly name = NODE_PORTS;

  preFilter(ctx: PluginContext, pod: Pod): Status {
    ctx.state.set(STATE_KEY, hostPorts(pod));
    return SUCCESS;
  }

  filter(ctx: PluginContext, pod: Pod, node: NodeInfo): Status {
    const wanted = (ctx.state.get(STATE_KEY) as string[] | undefined) ?? hostPorts(pod);
    if (wanted.length === 0 || node.usedPorts.size === 0) return SUCCESS;
    for (const want of wanted) {
      const [proto, ip, port] = want.split('/');
      for (const used of node.usedPorts.keys()) {
        const [uproto, uip, uport] = used.split('/');
        if (uproto === proto && uport === port && (ip === '0.0.0.0' || uip === '0.0.0.0' || ip === uip)) return unschedulable(ERR_NODE_PORTS);
      }
    }
    return SUCCESS;
  }
}
