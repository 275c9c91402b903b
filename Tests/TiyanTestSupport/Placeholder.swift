import TiyanCore
