# The base state: a marker that the lab's top file was applied, and a notice for each of the
# minion's roles that has no state file on the master (also logged as a warning by the minion).
{%- set available = salt['cp.list_states']('base') %}
saltlab-base:
  test.succeed_without_changes:
  - name: @@BASE_MESSAGE@@
{%- for role in grains.get('roles', []) %}
{%-   if role not in available %}
{%-     do salt['log.warning']('saltlab: role ' ~ role ~ ' has no state file on the master (states/' ~ role ~ '.sls or states/' ~ role ~ '/init.sls); only the saltlab base state was applied') %}
saltlab-role-{{ role }}-has-no-states:
  test.show_notification:
  - text: "role {{ role }} has no state file on the master: add states/{{ role }}.sls or states/{{ role }}/init.sls; only the saltlab base state was applied"
{%-   endif %}
{%- endfor %}
