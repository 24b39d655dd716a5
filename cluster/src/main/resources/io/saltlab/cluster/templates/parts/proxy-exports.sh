#%-- The proxy variables, in both spellings: run by common.sh and written to /etc/profile.d.
#%if http_proxy
export http_proxy=@@HTTP_PROXY_Q@@
export HTTP_PROXY=@@HTTP_PROXY_Q@@
#%end
#%if https_proxy
export https_proxy=@@HTTPS_PROXY_Q@@
export HTTPS_PROXY=@@HTTPS_PROXY_Q@@
#%end
export no_proxy=@@NO_PROXY_Q@@
export NO_PROXY=@@NO_PROXY_Q@@
