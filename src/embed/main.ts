import { mount } from 'svelte';
import Embed from './Embed.svelte';
import '../ui/theme.css';

mount(Embed, { target: document.getElementById('embed')! });
