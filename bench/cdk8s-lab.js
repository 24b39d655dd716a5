// Copied unchanged from the project's shared benchmark data (shared/bench/cdk8s-lab.js): the peer
// that bench/run.sh times against saltlab. Everything below this comment is that file.
// The seed's Salt lab written with cdk8s (the closest peer), for side-by-side timing.
// Usage: node lab.js ROLES OUTDIR   -> synthesizes 1 namespace, 1 secret, master svc+deploy, ROLES x (svc+deploy)
const { App, Chart } = require('cdk8s');
const k8s = require('cdk8s-plus-32/lib/imports/k8s');
const roles = parseInt(process.argv[2] || '6', 10);
const outdir = process.argv[3] || 'dist';
const app = new App({ outdir });
const ns = 'salt-lab';
const chart = new Chart(app, 'lab', { namespace: ns, disableResourceNameHashes: true });
new k8s.KubeNamespace(chart, 'ns', { metadata: { name: ns } });
new k8s.KubeSecret(chart, 'pull', { metadata: { name: 'registry-pull' }, type: 'kubernetes.io/dockerconfigjson',
  data: { '.dockerconfigjson': Buffer.from(JSON.stringify({ auths: { 'registry.example.com': { auth: 'dXNlcjpwYXNz' } } })).toString('base64') } });
const dirs = ['conf', 'states', 'pillar', 'delivery', 'formulas'];
new k8s.KubeService(chart, 'master-svc', { metadata: { name: 'salt-master', labels: { app: 'salt-master' } },
  spec: { clusterIP: 'None', selector: { app: 'salt-master' }, ports: [{ name: 'publish', port: 4505, targetPort: k8s.IntOrString.fromNumber(4505) }, { name: 'ret', port: 4506, targetPort: k8s.IntOrString.fromNumber(4506) }] } });
new k8s.KubeDeployment(chart, 'master', { metadata: { name: 'salt-master', labels: { app: 'salt-master' } },
  spec: { replicas: 1, selector: { matchLabels: { app: 'salt-master' } }, template: { metadata: { labels: { app: 'salt-master' } },
    spec: { imagePullSecrets: [{ name: 'registry-pull' }], containers: [{ name: 'salt-master', image: 'registry.example.com/salt/master:2017.7',
      command: ['salt-master'], args: ['--config-dir=/salt/conf'], ports: [{ containerPort: 4505 }, { containerPort: 4506 }], tty: true,
      volumeMounts: dirs.map(d => ({ name: d, mountPath: '/salt/' + d })) }],
      volumes: dirs.map(d => ({ name: d, hostPath: { path: '/home/vagrant/salt/' + d, type: 'Directory' } })) } } } });
for (let i = 0; i < roles; i++) {
  const n = 'role-' + i;
  new k8s.KubeService(chart, n + '-svc', { metadata: { name: n, labels: { app: n } }, spec: { clusterIP: 'None', selector: { app: n }, ports: [{ name: 'app', port: 8080, targetPort: k8s.IntOrString.fromNumber(8080) }] } });
  new k8s.KubeDeployment(chart, n, { metadata: { name: n, labels: { app: n } },
    spec: { replicas: 1, selector: { matchLabels: { app: n } }, template: { metadata: { labels: { app: n } },
      spec: { imagePullSecrets: [{ name: 'registry-pull' }], containers: [{ name: 'salt-minion', image: 'registry.example.com/salt/minion:2017.7',
        command: ['salt-minion'], tty: true, env: [{ name: 'SALT_ROLE', value: n }] }] } } } });
}
app.synth();
