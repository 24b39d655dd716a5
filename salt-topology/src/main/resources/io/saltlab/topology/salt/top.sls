# Each minion applies the saltlab base state, then the state of each role in its 'roles' grain that
# the master has (states/<role>.sls or states/<role>/init.sls). A role without one is skipped here,
# and the base state says so, instead of failing the whole highstate.
{%- set available = salt['cp.list_states']('base') %}
base:
  "*":
  - saltlab
{%- for role in grains.get('roles', []) %}
{%-   if role in available %}
  - {{ role }}
{%-   endif %}
{%- endfor %}
