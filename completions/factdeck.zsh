#compdef factdeck
# factdeck completion for zsh. For this shell (after compinit):  source <(factdeck completion zsh)
# For every new shell: save it as _factdeck in a folder of $fpath, e.g.
#   factdeck completion zsh > ~/.zfunc/_factdeck   (with fpath+=(~/.zfunc) before compinit in ~/.zshrc)
_factdeck() {
  local -a lines described
  local entry value description
  lines=("${(@f)$(${words[1]} __complete zsh -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  for entry in "${lines[@]}"; do
    case $entry in
      (:files) _files ;;
      (:dirs) _files -/ ;;
      ('') ;;
      (*)
        value=${entry%%$'\t'*}
        description=''
        [[ $entry == *$'\t'* ]] && description=${entry#*$'\t'}
        described+=("${value//:/\\:}${description:+:$description}") ;;
    esac
  done
  (( ${#described} )) && _describe -t values factdeck described
  return 0
}
if [[ $funcstack[1] == _factdeck ]]; then _factdeck "$@"; else compdef _factdeck factdeck; fi
