# factdeck completion for fish. For this shell:  factdeck completion fish | source
# For every new shell:  factdeck completion fish > ~/.config/fish/completions/factdeck.fish
function __factdeck_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    for entry in ($tokens[1] __complete fish -- $tokens[2..-1] "$current" 2>/dev/null)
        switch $entry
            case :files
                __fish_complete_path "$current"
            case :dirs
                __fish_complete_directories "$current"
            case '*'
                printf '%s\n' $entry
        end
    end
end
complete -c factdeck -f -a '(__factdeck_complete)'
